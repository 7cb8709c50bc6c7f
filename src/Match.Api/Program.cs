using Match.Api.Audit;
using Match.Api.Infrastructure;
using Match.Api.Jobs;
using Match.Api.Model;
using Match.Api.Resumes;
using Match.Api.Roles;
using Match.Api.Scoring;
using Match.Api.Security;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

if (KeyCommands.IsRequested(args))
{
    return await KeyCommands.RunAsync(args, Console.Out, Console.Error);  // keys create|list|revoke
}

if (ModelCommand.IsRequested(args))
{
    return await ModelCommand.RunAsync(args);  // model refit: fit and save a new version; a running service swaps it in
}

var builder = WebApplication.CreateBuilder(args);
builder.UseMatchDefaultUrl();                 // http://localhost:5080 unless configured
builder.AddMatchLogging();                    // console logs with the request id, JSON outside Development
builder.Services.AddMatchProblemDetails();    // RFC 9457 for every error; exception type → status
builder.Services.AddMatchJson();              // camelCase, enums as strings
builder.Services.AddMatchValidation();        // FluentValidation validators beside their requests
builder.Services.AddRequestLimits();          // Match:Limits: 413 per endpoint, 431 headers, 503 timeout
builder.Services.AddMatchSecurity();          // X-Api-Key, scopes by HTTP method or RequireScope, Match:RateLimit per key
builder.Services.AddAudit();                  // Audit/: IAuditLog for score paths, GET /audit
builder.Services.AddMatchData();              // Match:Data, SQLite connections, migrations
builder.Services.AddMatchOpenApi();           // Swagger UI at /swagger
builder.Services.AddMatchHealthChecks();      // /health/live, /health/ready
builder.Services.AddMatchSkills();            // the skill vocabulary: built-in, plus Match:Skills imports
builder.Services.AddRoles();                  // Roles/: postings → roles with typed requirements
builder.Services.AddResumes();                // Resumes/: files → text and structure, Match:Resumes
builder.Services.AddIdempotency();            // Idempotency-Key on POST, Match:Idempotency
builder.Services.AddModelHosting();           // Model/: the current MatchModel, Match:Model
builder.Services.AddModelLoading();           // load or fit it at start-up, pick up newer saved versions
builder.Services.AddScoring();                // Scoring/: explained scores, rankings from stored scores
builder.Services.AddJobs();                   // Jobs/: batch scoring, resumable jobs, signed callbacks; Match:Batch, Match:Jobs

var app = builder.Build();
app.UseMatchProblemDetails();
app.UseRequestLogging();
app.UseMatchOpenApi();                        // before security: Swagger UI and the document need no key
app.UseMatchSecurity();
app.UseMatchRequestTimeouts();
app.UseBodyLimits();
app.UseIdempotency();
await app.ApplyMigrationsAsync();
app.MapMatchHealthChecks();
app.MapKeys();
app.MapAudit();
app.MapRoles();
app.MapResumes();
app.MapModel();
app.MapScoring();
app.MapJobs();

await app.RunAsync();
return 0;

/// <summary>Entry point, public so WebApplicationFactory can reach it.</summary>
public partial class Program;

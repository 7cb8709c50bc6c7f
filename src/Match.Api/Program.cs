using Match.Api.Infrastructure;
using Match.Api.Resumes;
using Match.Api.Roles;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.UseMatchDefaultUrl();                 // http://localhost:5080 unless configured
builder.Services.AddMatchProblemDetails();    // RFC 9457 for every error; exception type → status
builder.Services.AddMatchJson();              // camelCase, enums as strings
builder.Services.AddMatchValidation();        // FluentValidation validators beside their requests
builder.Services.AddRequestLimits();          // Match:Limits, 413 per endpoint
builder.Services.AddMatchData();              // Match:Data, SQLite connections, migrations
builder.Services.AddMatchOpenApi();           // Swagger UI at /swagger
builder.Services.AddMatchHealthChecks();      // /health/live, /health/ready
builder.Services.AddRoles();                  // Roles/: postings → roles with typed requirements
builder.Services.AddResumes();                // Resumes/: files → text and structure, Match:Resumes

var app = builder.Build();
app.UseMatchProblemDetails();
app.UseBodyLimits();
app.UseMatchOpenApi();
await app.ApplyMigrationsAsync();
app.MapMatchHealthChecks();
app.MapRoles();
app.MapResumes();

await app.RunAsync();
return 0;

/// <summary>Entry point, public so WebApplicationFactory can reach it.</summary>
public partial class Program;

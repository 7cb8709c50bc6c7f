using FluentValidation;
using Match.Data.Jobs;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Match.Api.Jobs;

public static class JobServices
{
    /// <summary>Match:Batch and Match:Jobs options, the job store, the batch scorer, the job runner and callback delivery.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddOptions<BatchOptions>()
            .BindConfiguration(BatchOptions.Section)
            .Validate(o => o.SyncMaxPairs >= 0, $"{BatchOptions.Section}:SyncMaxPairs must not be negative.")
            .Validate(o => o.MaxPairs >= 1, $"{BatchOptions.Section}:MaxPairs must be at least 1.")
            .Validate(o => o.MaxBodyBytes > 0, $"{BatchOptions.Section}:MaxBodyBytes must be positive.")
            .ValidateOnStart();
        services.AddOptions<JobOptions>()
            .BindConfiguration(JobOptions.Section)
            .Validate(o => o.ChunkPairs >= 1, $"{JobOptions.Section}:ChunkPairs must be at least 1.")
            .Validate(o => o.LeaseDuration > TimeSpan.Zero, $"{JobOptions.Section}:LeaseDuration must be positive.")
            .Validate(o => o.PollInterval > TimeSpan.Zero, $"{JobOptions.Section}:PollInterval must be positive.")
            .Validate(o => o.CallbackMaxAttempts >= 1, $"{JobOptions.Section}:CallbackMaxAttempts must be at least 1.")
            .Validate(o => o.CallbackFirstRetryDelay >= TimeSpan.Zero, $"{JobOptions.Section}:CallbackFirstRetryDelay must not be negative.")
            .Validate(o => o.CallbackTimeout > TimeSpan.Zero, $"{JobOptions.Section}:CallbackTimeout must be positive.")
            .Validate(o => o.ErrorsShown >= 0, $"{JobOptions.Section}:ErrorsShown must not be negative.")
            .ValidateOnStart();
        services.TryAddSingleton<JobStore>();
        services.TryAddSingleton<JobSignals>();
        services.TryAddSingleton<BatchScorer>();
        services.AddHttpClient(CallbackDelivery.HttpClientName);
        services.AddHostedService<JobRunner>();
        services.AddHostedService<CallbackDelivery>();
        return services;
    }
}

internal sealed class JobResultsQueryValidator : AbstractValidator<JobResultsQuery>
{
    public JobResultsQueryValidator()
    {
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0);
        RuleFor(q => q.Limit).InclusiveBetween(1, JobResultsQuery.MaxLimit);
    }
}

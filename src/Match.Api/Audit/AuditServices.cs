using Match.Data.Audit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Match.Api.Audit;

public static class AuditServices
{
    /// <summary>The audit store and <see cref="IAuditLog"/>, the one service score paths call.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.TryAddSingleton<AuditStore>();
        services.TryAddSingleton<IAuditLog, AuditLog>();
        return services;
    }
}

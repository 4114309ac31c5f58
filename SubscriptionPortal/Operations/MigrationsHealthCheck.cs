using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Operations;

/// <summary>Unhealthy while the database lacks a migration this build expects (an instance ahead of its database).</summary>
internal sealed class MigrationsHealthCheck(IDbContextFactory<ApplicationDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var missing = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return missing.Count == 0
            ? HealthCheckResult.Healthy("Every migration is applied.")
            : HealthCheckResult.Unhealthy($"{missing.Count} migration(s) not applied: {string.Join(", ", missing)}.");
    }
}

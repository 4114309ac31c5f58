using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SubscriptionPortal.Operations;

/// <summary>Unhealthy when a periodic job has not completed a run within twice its interval.</summary>
internal sealed class JobsHealthCheck(JobHeartbeats heartbeats, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var jobs = heartbeats.Snapshot();
        var stalled = jobs.Where(j => j.IsStalledAt(now)).ToList();
        var data = jobs.ToDictionary(j => j.Job, j => (object)(j.LastRunAt is { } at ? $"last run {at:O}" : $"started {j.StartedAt:O}, no run completed yet"));
        var result = stalled.Count == 0
            ? HealthCheckResult.Healthy($"{jobs.Count} job(s) on time.", data)
            : HealthCheckResult.Unhealthy(
                "Stalled: " + string.Join(", ", stalled.Select(j => $"{j.Job} (no completed run for {(now - (j.LastRunAt ?? j.StartedAt)).TotalMinutes:0} min, interval {j.Interval.TotalMinutes:0} min)")) + ".",
                data: data);
        return Task.FromResult(result);
    }
}

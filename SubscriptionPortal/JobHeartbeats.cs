using System.Collections.Concurrent;

namespace SubscriptionPortal;

/// <summary>
/// When each <see cref="PeriodicJob"/> started and last completed a run, so that readiness can tell a
/// job that has stalled (stuck in a run, or failing every run) from one that is merely between runs.
/// </summary>
internal sealed class JobHeartbeats
{
    private readonly ConcurrentDictionary<string, JobHeartbeat> jobs = new(StringComparer.Ordinal);

    public void Started(string job, TimeSpan interval, DateTimeOffset at) =>
        jobs[job] = new JobHeartbeat(job, interval, at, LastRunAt: null);

    public void Ran(string job, DateTimeOffset at) =>
        jobs.AddOrUpdate(job, _ => new JobHeartbeat(job, TimeSpan.Zero, at, at), (_, beat) => beat with { LastRunAt = at });

    public IReadOnlyList<JobHeartbeat> Snapshot() => [.. jobs.Values.OrderBy(j => j.Job, StringComparer.Ordinal)];
}

/// <param name="LastRunAt">The end of the last run that succeeded; null before the first.</param>
internal sealed record JobHeartbeat(string Job, TimeSpan Interval, DateTimeOffset StartedAt, DateTimeOffset? LastRunAt)
{
    /// <summary>Stalled once twice the interval has passed since the last successful run (or the start, before the first).</summary>
    public bool IsStalledAt(DateTimeOffset now) => now - (LastRunAt ?? StartedAt) > 2 * Interval;
}

namespace SubscriptionPortal;

/// <summary>
/// A background job run at start and then at a fixed interval, each run in its own service scope. A run
/// that fails is logged and the next tick tries again: every job here works in transactions, so a failed
/// run leaves nothing half written.
/// </summary>
internal abstract class PeriodicJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>How long between two runs; at least a minute.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>The job's name in the log.</summary>
    protected abstract string Name { get; }

    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken ct);

    /// <summary>Waits for the next run: the next tick, unless a job has its own reasons to run earlier.</summary>
    protected virtual ValueTask<bool> WaitForNextRunAsync(PeriodicTimer timer, CancellationToken ct) => timer.WaitForNextTickAsync(ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = Interval < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : Interval;
        using var timer = new PeriodicTimer(interval, clock);
        // Optional: hosts without the operations feature (tests, benchmarks) run the jobs all the same.
        JobHeartbeats? heartbeats;
        await using (var root = scopes.CreateAsyncScope())
        {
            heartbeats = root.ServiceProvider.GetService<JobHeartbeats>();
        }

        heartbeats?.Started(Name, interval, clock.GetUtcNow());
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunOnceAsync(scope.ServiceProvider, stoppingToken);
                heartbeats?.Ran(Name, clock.GetUtcNow());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.JobFailed(ex, Name);
            }
        }
        while (await WaitForNextRunAsync(timer, stoppingToken));
    }
}

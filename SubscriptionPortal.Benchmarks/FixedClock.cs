namespace SubscriptionPortal.Benchmarks;

/// <summary>
/// A clock that stands still at <see cref="Now"/> until a benchmark moves it, so every run quotes,
/// validates and renews on known dates whatever the day the benchmarks are run.
/// </summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

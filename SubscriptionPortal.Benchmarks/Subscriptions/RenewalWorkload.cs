using BenchmarkDotNet.Columns;

namespace SubscriptionPortal.Benchmarks.Subscriptions;

/// <summary>What the renewal benchmarks share, on SQLite and on PostgreSQL: the due subscriptions and their dates.</summary>
internal static class RenewalWorkload
{
    /// <summary>Monthly subscriptions that all come due at each invocation.</summary>
    public const int Due = 500;

    /// <summary>Periods start on the 10th, in Paris.</summary>
    public static readonly DateOnly Start = new(2026, 1, 10);

    /// <summary>06:00 UTC on the 10th: it is already the 10th in Paris. Each invocation moves one month on from here.</summary>
    public static readonly DateTimeOffset FirstRenewal = new(2026, 2, 10, 6, 0, 0, TimeSpan.Zero);

    /// <summary>Adds Op/s, renewals per second, to BenchmarkDotNet's columns.</summary>
    public sealed class ThroughputConfig : BenchmarkDotNet.Configs.ManualConfig
    {
        public ThroughputConfig() => AddColumn(StatisticColumn.OperationsPerSecond);
    }
}

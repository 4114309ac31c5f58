namespace SubscriptionPortal.Payments.Dunning;

/// <summary>The <c>Dunning</c> configuration section: when failed debits are presented again and when an unpaid platform escalates.</summary>
public sealed class DunningOptions
{
    /// <summary>
    /// Days after an invoice's first failed debit on which it is presented again, one per retry, increasing
    /// (default 5 and 12). Counted in the platform's local dates; days of a pause do not count.
    /// </summary>
    /// <remarks>Null by default rather than [5, 12]: the configuration binder appends to an array it finds, it does not replace it.</remarks>
    public int[]? RetryAfterDays { get; set; }

    /// <summary><see cref="RetryAfterDays"/>, or the default 5 and 12 when not configured.</summary>
    public IReadOnlyList<int> RetryDays() => RetryAfterDays ?? [5, 12];

    /// <summary>How many times a debit refused for a temporary reason is presented again; at most the number of <see cref="RetryDays"/>.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Days after the oldest unpaid invoice's first failure from which the platform is restricted (no plan change).</summary>
    public int RestrictedAfterDays { get; set; } = 15;

    /// <summary>Days after the oldest unpaid invoice's first failure from which the platform is suspended (read-only).</summary>
    public int SuspendedAfterDays { get; set; } = 30;

    /// <summary>How often the dunning job runs, in minutes.</summary>
    public int IntervalMinutes { get; set; } = 60;
}

namespace SubscriptionPortal.Common;

/// <summary>
/// A billing period [<see cref="Start"/>, <see cref="End"/>): <see cref="Start"/> is the first day
/// billed, <see cref="End"/> the first day no longer billed (exclusive), so consecutive periods
/// share a boundary and no day is billed twice.
/// </summary>
public readonly record struct BillingPeriod(DateOnly Start, DateOnly End)
{
    /// <summary>First day of the period (inclusive), a local date.</summary>
    public DateOnly Start { get; } = Start;

    /// <summary>Day after the period's last day (exclusive), a local date: the renewal date.</summary>
    public DateOnly End { get; } = End > Start
        ? End
        : throw new ArgumentException($"A period ends after it starts: [{Start:yyyy-MM-dd}, {End:yyyy-MM-dd}) is empty.", nameof(End));

    /// <summary>Number of days in [Start, End).</summary>
    public int Days => End.DayNumber - Start.DayNumber;

    /// <summary>Last day of the period (inclusive), as a reader expects to see it printed.</summary>
    public DateOnly LastDay => End.AddDays(-1);

    /// <summary>Whether <paramref name="date"/> is in [Start, End).</summary>
    public bool Contains(DateOnly date) => date >= Start && date < End;

    public override string ToString() => $"[{Start:yyyy-MM-dd}, {End:yyyy-MM-dd})";
}

namespace SubscriptionPortal.Common;

/// <summary>
/// Period boundaries of a subscription. Boundary k of an anchor is always computed from the anchor
/// (anchor + k months or years), never from the previous boundary: a clamped end (31 Jan → 28 Feb)
/// must not drag every later period to the 28th.
/// </summary>
internal static class PeriodMath
{
    /// <summary>
    /// The <paramref name="index"/>-th boundary after <paramref name="anchor"/>: the anchor's day of
    /// month is kept and clamped to the month's last day (29 Feb + 1 year = 28 Feb; + 4 years = 29 Feb).
    /// </summary>
    public static DateOnly Boundary(DateOnly anchor, Commitment commitment, int index) => commitment switch
    {
        Commitment.Monthly => anchor.AddMonths(index),
        Commitment.Annual => anchor.AddYears(index),
        _ => throw new ArgumentOutOfRangeException(nameof(commitment), commitment, "Unknown commitment."),
    };

    /// <summary>
    /// The exclusive end of the period that contains <paramref name="periodStart"/>: the first
    /// boundary of <paramref name="anchor"/> strictly after it.
    /// </summary>
    public static DateOnly PeriodEndAfter(DateOnly anchor, Commitment commitment, DateOnly periodStart) =>
        Boundary(anchor, commitment, FirstBoundaryIndexAfter(anchor, commitment, periodStart));

    /// <summary>The period [start, end) of <paramref name="anchor"/> that contains <paramref name="date"/>.</summary>
    public static BillingPeriod PeriodContaining(DateOnly anchor, Commitment commitment, DateOnly date)
    {
        var index = FirstBoundaryIndexAfter(anchor, commitment, date);
        return new BillingPeriod(Boundary(anchor, commitment, index - 1), Boundary(anchor, commitment, index));
    }

    /// <summary>The first period of a subscription committed on <paramref name="start"/>, which becomes the anchor.</summary>
    public static BillingPeriod FirstPeriod(DateOnly start, Commitment commitment) =>
        new(start, Boundary(start, commitment, 1));

    /// <summary>The period that follows <paramref name="current"/>: it starts on current's (exclusive) end.</summary>
    /// <exception cref="ArgumentException"><paramref name="current"/> is not one of the anchor's periods.</exception>
    public static BillingPeriod NextPeriod(DateOnly anchor, Commitment commitment, BillingPeriod current)
    {
        if (PeriodContaining(anchor, commitment, current.Start) != current)
        {
            throw new ArgumentException($"{current} is not a {commitment} period of the anchor {anchor:yyyy-MM-dd}.", nameof(current));
        }

        return new BillingPeriod(current.End, PeriodEndAfter(anchor, commitment, current.End));
    }

    /// <summary>Number of days in [<paramref name="start"/>, <paramref name="endExclusive"/>).</summary>
    public static int Days(DateOnly start, DateOnly endExclusive)
    {
        if (endExclusive < start)
        {
            throw new ArgumentOutOfRangeException(nameof(endExclusive), endExclusive, "The end must not be before the start.");
        }

        return endExclusive.DayNumber - start.DayNumber;
    }

    /// <summary>
    /// The calendar date <paramref name="instant"/> falls on in <paramref name="zone"/>. Billing dates
    /// are the platform's local dates: 22:30 UTC on 24 Oct is already 25 Oct in Paris.
    /// </summary>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
    }

    private static int FirstBoundaryIndexAfter(DateOnly anchor, Commitment commitment, DateOnly date)
    {
        if (date < anchor)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"Periods are counted from the anchor {anchor:yyyy-MM-dd}.");
        }

        // The calendar distance lands on the right boundary or the one before it: clamping only
        // ever moves a boundary a few days earlier within its own month.
        // Stryker disable Arithmetic,Conditional : the estimate only saves loop turns, a low one is corrected by the loop below
        var months = ((date.Year - anchor.Year) * 12) + date.Month - anchor.Month;
        var index = commitment == Commitment.Annual ? months / 12 : months;
        // Stryker restore Arithmetic,Conditional
        while (Boundary(anchor, commitment, index) <= date)
        {
            index++;
        }

        return index;
    }
}

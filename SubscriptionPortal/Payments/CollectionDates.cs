namespace SubscriptionPortal.Payments;

/// <summary>
/// When a SEPA Core direct debit can be collected. Settlement happens only on TARGET2 business days,
/// and since November 2016 the file must reach the creditor's bank at least one business day before
/// the collection date, for first and recurring debits alike (the "D-1" rule).
/// </summary>
internal static class CollectionDates
{
    /// <summary>
    /// Whether TARGET2 settles on <paramref name="date"/>: not a Saturday or Sunday, nor 1 January,
    /// Good Friday, Easter Monday, 1 May, 25 or 26 December.
    /// </summary>
    public static bool IsBusinessDay(DateOnly date)
    {
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return false;
        }

        if ((date.Month, date.Day) is (1, 1) or (5, 1) or (12, 25) or (12, 26))
        {
            return false;
        }

        var easter = EasterSunday(date.Year);
        return date != easter.AddDays(-2) && date != easter.AddDays(1);
    }

    /// <summary><paramref name="date"/> itself when it is a business day, else the next one.</summary>
    public static DateOnly BusinessDayOnOrAfter(DateOnly date)
    {
        while (!IsBusinessDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>
    /// The earliest collection date for a file sent on <paramref name="submissionDay"/>: the bank takes
    /// it on that day's business day (or the next one), and collects one business day later at the soonest.
    /// </summary>
    public static DateOnly Earliest(DateOnly submissionDay) =>
        BusinessDayOnOrAfter(BusinessDayOnOrAfter(submissionDay).AddDays(1));

    /// <summary>
    /// The collection date written in the file for a debit planned on <paramref name="planned"/> and sent on
    /// <paramref name="submissionDay"/>: the planned day when the bank can still meet it, else the earliest
    /// it can; always a business day. A planned date is never brought forward.
    /// </summary>
    public static DateOnly ForSubmission(DateOnly planned, DateOnly submissionDay)
    {
        var earliest = Earliest(submissionDay);
        // Stryker disable once Equality : equivalent, when the two dates are equal either one is returned
        return BusinessDayOnOrAfter(planned > earliest ? planned : earliest);
    }

    /// <summary>
    /// The planned date of a debit presented again after a failure: <paramref name="delayDays"/> calendar days
    /// after <paramref name="today"/>, as for a change (SPEC §5), moved to a business day.
    /// </summary>
    public static DateOnly ForRetry(DateOnly today, int delayDays) =>
        BusinessDayOnOrAfter(today.AddDays(Math.Max(1, delayDays)));

    /// <summary>Easter Sunday of the Gregorian calendar (the anonymous algorithm published in Nature, 1876).</summary>
    internal static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}

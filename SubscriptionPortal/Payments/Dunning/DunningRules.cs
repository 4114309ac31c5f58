namespace SubscriptionPortal.Payments.Dunning;

/// <summary>The dunning schedule as pure functions of days; "day 0" is the day an invoice's first debit failed.</summary>
public static class DunningRules
{
    /// <summary>The state of a platform whose oldest unpaid invoice is <paramref name="days"/> days past its first failure; null when nothing is unpaid.</summary>
    public static OverdueState StateFor(int? days, DunningOptions options) => days switch
    {
        null or < 0 => OverdueState.Active,
        _ when days >= options.SuspendedAfterDays => OverdueState.Suspended,
        _ when days >= options.RestrictedAfterDays => OverdueState.Restricted,
        _ => OverdueState.PaymentFailed,
    };

    /// <summary>
    /// The day (counted from day 0) of the next retry of a debit refused for a temporary reason, after
    /// <paramref name="retriesDone"/> retries; null when every retry allowed has been made.
    /// </summary>
    public static int? RetryDay(int retriesDone, DunningOptions options) =>
        retriesDone < 0 || retriesDone >= options.MaxRetries || retriesDone >= options.RetryDays().Count
            ? null
            : options.RetryDays()[retriesDone];

    /// <summary>Whether a debit refused for <paramref name="reasonCode"/> is presented again on schedule; false for a final reason and for a malformed code.</summary>
    public static bool IsRetriedOnSchedule(string? reasonCode) => SepaReturnReason.Find(reasonCode)?.Kind == ReasonKind.Temporary;

    /// <summary>
    /// Days elapsed since <paramref name="dayZero"/>, leaving out the days of pauses: those already over
    /// (<paramref name="pausedDaysBefore"/>) and the current one, which holds the count still until it ends.
    /// </summary>
    /// <param name="pausedFrom">First day of the current pause.</param>
    /// <param name="pausedUntil">The day the current pause ends: dunning resumes on it.</param>
    public static int EffectiveDays(DateOnly dayZero, DateOnly today, int pausedDaysBefore, DateOnly? pausedFrom, DateOnly? pausedUntil)
    {
        var days = today.DayNumber - dayZero.DayNumber - pausedDaysBefore;
        if (pausedFrom is { } from && pausedUntil is { } until && today >= from)
        {
            var end = today < until ? today : until;
            days -= end.DayNumber - from.DayNumber;
        }

        return days;
    }

    /// <summary>
    /// The calendar date on which effective day <paramref name="targetDay"/> falls, seen from <paramref name="today"/>
    /// at effective day <paramref name="effectiveToday"/>: today when it is already due, and after the current pause's end.
    /// </summary>
    public static DateOnly DateOfDay(int targetDay, int effectiveToday, DateOnly today, DateOnly? pausedUntil)
    {
        // Stryker disable once Equality : equivalent, a pause that ends today resumes today either way
        var resume = pausedUntil is { } until && until > today ? until : today;
        return resume.AddDays(Math.Max(0, targetDay - effectiveToday));
    }

    /// <summary>Whether dunning is paused on <paramref name="today"/>: it resumes on <paramref name="pausedUntil"/>.</summary>
    public static bool IsPaused(DateOnly today, DateOnly? pausedUntil) => pausedUntil is { } until && today < until;
}

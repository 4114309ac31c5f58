namespace SubscriptionPortal.Payments.Dunning;

/// <summary>
/// A platform's dunning record: the overdue state last recorded in its Activity (so each transition is
/// recorded once) and the pauses support granted. No row means active and never paused.
/// </summary>
public sealed class PlatformDunning
{
    private PlatformDunning()
    {
    }

    public PlatformDunning(int platformId)
    {
        PlatformId = platformId;
    }

    public int PlatformId { get; private set; }

    /// <summary>The state as last recorded; the live state is computed from the invoices (<see cref="DunningAssessment"/>).</summary>
    public OverdueState State { get; private set; }

    public DateTime? StateChangedAtUtc { get; private set; }

    /// <summary>Days of pauses already over, left out of the count since the oldest failure; back to 0 once nothing is unpaid.</summary>
    public int PausedDaysBefore { get; private set; }

    /// <summary>First day of the current pause (platform's local date).</summary>
    public DateOnly? PausedFrom { get; private set; }

    /// <summary>The day the current pause ends: dunning resumes on it.</summary>
    public DateOnly? PausedUntil { get; private set; }

    public string? PauseReason { get; private set; }

    /// <summary>Records a new state; false when it was already the recorded one.</summary>
    public bool MoveTo(OverdueState state, DateTime atUtc)
    {
        if (state == State)
        {
            return false;
        }

        State = state;
        StateChangedAtUtc = atUtc;
        if (state == OverdueState.Active)
        {
            // Nothing is owed any more: the next failure starts a fresh count, without old pauses.
            PausedDaysBefore = 0;
            PausedFrom = null;
            PausedUntil = null;
            PauseReason = null;
        }

        return true;
    }

    /// <summary>Pauses every dunning step from <paramref name="from"/> until <paramref name="until"/> (exclusive). A pause in progress is replaced, its days so far kept out of the count.</summary>
    public void Pause(DateOnly from, DateOnly until, string reason)
    {
        if (until <= from)
        {
            throw new ArgumentOutOfRangeException(nameof(until), "A pause ends after it starts.");
        }

        if (PausedFrom is { } currentFrom && PausedUntil is { } currentUntil)
        {
            var end = from < currentUntil ? from : currentUntil;
            PausedDaysBefore += Math.Max(0, end.DayNumber - currentFrom.DayNumber);
        }

        PausedFrom = from;
        PausedUntil = until;
        PauseReason = reason;
    }

    /// <summary>Once a pause is over its days join <see cref="PausedDaysBefore"/>; true when one was folded in.</summary>
    public bool EndPauseIfOver(DateOnly today)
    {
        if (PausedFrom is not { } from || PausedUntil is not { } until || today < until)
        {
            return false;
        }

        PausedDaysBefore += until.DayNumber - from.DayNumber;
        PausedFrom = null;
        PausedUntil = null;
        PauseReason = null;
        return true;
    }
}

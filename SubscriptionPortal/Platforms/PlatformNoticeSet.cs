namespace SubscriptionPortal.Platforms;

/// <summary>
/// What every page of a platform reminds its admin of: a cancelled subscription's end, a closed
/// platform, failed direct debits and where dunning stands. Dates are the platform's local dates.
/// </summary>
/// <param name="SubscriptionEndsOn">Last day (inclusive) of a cancelled subscription that has not ended yet.</param>
/// <param name="ClosesOn">The day the platform becomes read-only: the day after <paramref name="SubscriptionEndsOn"/>.</param>
/// <param name="ClosedOn">The day a closed platform was closed.</param>
public sealed record PlatformNoticeSet(
    int PlatformId,
    string PlatformName,
    bool IsClosed,
    DateOnly? SubscriptionEndsOn,
    DateOnly? ClosesOn,
    DateOnly? ClosedOn,
    IReadOnlyList<FailedDebitNotice> FailedDebits,
    OverdueNotice? Overdue = null)
{
    public bool IsEmpty => !IsClosed && SubscriptionEndsOn is null && FailedDebits.Count == 0 && Overdue is null;
}

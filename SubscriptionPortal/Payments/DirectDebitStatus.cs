namespace SubscriptionPortal.Payments;

/// <summary>SPEC §5: Scheduled → Submitted → Collected | Failed.</summary>
public enum DirectDebitStatus
{
    Scheduled = 0,
    Submitted = 1,
    Collected = 2,
    Failed = 3,
}

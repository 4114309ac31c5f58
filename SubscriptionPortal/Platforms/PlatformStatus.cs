namespace SubscriptionPortal.Platforms;

public enum PlatformStatus
{
    Active = 0,

    /// <summary>Read-only after a cancelled subscription ended; invoices and data export still work.</summary>
    Closed = 1,
}

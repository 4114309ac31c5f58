namespace SubscriptionPortal.Support;

/// <summary>How an impersonation ended, as the audit log tells it.</summary>
public enum ImpersonationEnd
{
    StoppedByAgent,
    TimeLimitReached,
    SignedOut,
}

namespace SubscriptionPortal.Support;

/// <summary>Why an impersonation was not started; the console shows the matching message.</summary>
public enum ImpersonationRefusal
{
    ReasonRequired,
    ReasonTooLong,
    ReasonHasInvisibleCharacters,
    NotAPlatformAdmin,
    TargetIsSupportAgent,
}

namespace SubscriptionPortal.Support;

/// <summary>Why an impersonation was not started; the console shows the matching message.</summary>
public enum ImpersonationRefusal
{
    ReasonRequired,
    ReasonTooLong,
    NotAPlatformAdmin,
    TargetIsSupportAgent,
}

public static class ImpersonationRefusals
{
    public static string Message(ImpersonationRefusal refusal) => refusal switch
    {
        ImpersonationRefusal.ReasonRequired => "Give a reason for impersonating this admin, such as the ticket number and what they asked for. Nothing was started.",
        ImpersonationRefusal.ReasonTooLong => $"The reason can have at most {ImpersonationService.MaxReasonLength} characters. Nothing was started.",
        ImpersonationRefusal.NotAPlatformAdmin => "Only an admin of this platform can be impersonated. Nothing was started.",
        ImpersonationRefusal.TargetIsSupportAgent => "A support agent cannot be impersonated. Nothing was started.",
        _ => "The impersonation could not be started. Nothing was started.",
    };

    /// <summary>Reads the refusal a redirect carries in its query string; null for anything else.</summary>
    public static ImpersonationRefusal? Parse(string? value) =>
        Enum.TryParse<ImpersonationRefusal>(value, ignoreCase: false, out var refusal) && Enum.IsDefined(refusal) && !int.TryParse(value, out _)
            ? refusal
            : null;
}

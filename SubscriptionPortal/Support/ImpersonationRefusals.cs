namespace SubscriptionPortal.Support;

/// <summary>What the console says for each <see cref="ImpersonationRefusal"/>.</summary>
public static class ImpersonationRefusals
{
    public static string Message(ImpersonationRefusal refusal) => refusal switch
    {
        ImpersonationRefusal.ReasonRequired => "Give a reason for impersonating this admin, such as the ticket number and what they asked for. Nothing was started.",
        ImpersonationRefusal.ReasonTooLong => $"The reason can have at most {ImpersonationService.MaxReasonLength} characters. Nothing was started.",
        ImpersonationRefusal.ReasonHasInvisibleCharacters =>
            "The reason cannot contain control or invisible characters (such as direction marks or zero-width spaces): type it again. Nothing was started.",
        ImpersonationRefusal.NotAPlatformAdmin => "Only an admin of this platform can be impersonated. Nothing was started.",
        ImpersonationRefusal.TargetIsSupportAgent => "A support agent cannot be impersonated. Nothing was started.",
        _ => "The impersonation could not be started. Nothing was started.",
    };

    /// <summary>Reads the refusal a redirect carries in its query string; null for anything else.</summary>
    /// <remarks>Exact names only: Enum.TryParse would also take numbers and comma-separated combinations.</remarks>
    public static ImpersonationRefusal? Parse(string? value) =>
        value is not null && Enum.GetNames<ImpersonationRefusal>().Contains(value, StringComparer.Ordinal)
            ? Enum.Parse<ImpersonationRefusal>(value)
            : null;
}

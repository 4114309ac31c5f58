using Microsoft.Extensions.Localization;

namespace SubscriptionPortal.Support;

/// <summary>What the console says for each <see cref="ImpersonationRefusal"/>.</summary>
public static class ImpersonationRefusals
{
    /// <summary>The refusal in the agent's language; <paramref name="localizer"/> is this class's (<c>Create(typeof(ImpersonationRefusals))</c>).</summary>
    public static string Message(ImpersonationRefusal refusal, IStringLocalizer localizer) => refusal switch
    {
        ImpersonationRefusal.ReasonRequired => localizer["ReasonRequired"],
        ImpersonationRefusal.ReasonTooLong => localizer["ReasonTooLong", ImpersonationService.MaxReasonLength],
        ImpersonationRefusal.ReasonHasInvisibleCharacters => localizer["ReasonHasInvisibleCharacters"],
        ImpersonationRefusal.NotAPlatformAdmin => localizer["NotAPlatformAdmin"],
        ImpersonationRefusal.TargetIsSupportAgent => localizer["TargetIsSupportAgent"],
        _ => localizer["NotStarted"],
    };

    /// <summary>Reads the refusal a redirect carries in its query string; null for anything else.</summary>
    /// <remarks>Exact names only: Enum.TryParse would also take numbers and comma-separated combinations.</remarks>
    public static ImpersonationRefusal? Parse(string? value) =>
        value is not null && Enum.GetNames<ImpersonationRefusal>().Contains(value, StringComparer.Ordinal)
            ? Enum.Parse<ImpersonationRefusal>(value)
            : null;
}

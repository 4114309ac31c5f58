using System.Globalization;

namespace SubscriptionPortal.Support;

/// <summary>The audit log's action codes, and how the Activity pages name them.</summary>
public static class AuditActions
{
    public const string SignedIn = "account.signed_in";
    public const string ImpersonationStarted = "impersonation.started";
    public const string ImpersonationStopped = "impersonation.stopped";

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [SignedIn] = "Signed in",
        [ImpersonationStarted] = "Impersonation started",
        [ImpersonationStopped] = "Impersonation stopped",
        ["platform.created"] = "Platform created",
        ["organization.updated"] = "Organization details updated",
        ["mandate.signed"] = "SEPA mandate signed",
        ["subscription.changed"] = "Subscription changed",
        ["subscription.renewed"] = "Subscription renewed",
    };

    /// <summary>
    /// The label a person reads. Codes written by features that have no label here yet read as
    /// words ("subscription.cancelled" → "Subscription cancelled") rather than as codes.
    /// </summary>
    public static string Label(string action)
    {
        if (Labels.TryGetValue(action, out var label))
        {
            return label;
        }

        var words = action.Replace('.', ' ').Replace('_', ' ').Trim();
        return words.Length == 0 ? action : char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
    }
}

using System.Globalization;

namespace SubscriptionPortal.Support;

/// <summary>The audit log's action codes, and how the Activity pages name them.</summary>
public static class AuditActions
{
    public const string SignedIn = "account.signed_in";
    public const string ImpersonationStarted = "impersonation.started";
    public const string ImpersonationStopped = "impersonation.stopped";
    public const string PlatformCreated = "platform.created";
    public const string OrganizationUpdated = "organization.updated";
    public const string MandateSigned = "mandate.signed";
    public const string SubscriptionChanged = "subscription.changed";
    public const string SubscriptionRenewed = "subscription.renewed";
    public const string SubscriptionCancelled = "subscription.cancelled";
    public const string SubscriptionResumed = "subscription.resumed";
    public const string PlatformClosed = "platform.closed";
    public const string DataExported = "data.exported";
    public const string DebitSubmitted = "debit.submitted";
    public const string DebitCollected = "debit.collected";
    public const string DebitFailed = "debit.failed";
    public const string DebitRetried = "debit.retried";

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [SignedIn] = "Signed in",
        [ImpersonationStarted] = "Impersonation started",
        [ImpersonationStopped] = "Impersonation stopped",
        [PlatformCreated] = "Platform created",
        [OrganizationUpdated] = "Organization details updated",
        [MandateSigned] = "SEPA mandate signed",
        [SubscriptionChanged] = "Subscription changed",
        [SubscriptionRenewed] = "Subscription renewed",
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

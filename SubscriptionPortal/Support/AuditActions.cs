using System.Globalization;
using Microsoft.Extensions.Localization;

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

    /// <summary>A platform's overdue state changed (payment failed, restricted, suspended, active again), with its cause.</summary>
    public const string OverdueStateChanged = "dunning.state_changed";

    /// <summary>Dunning presented a failed debit again, on schedule or under a new mandate.</summary>
    public const string DebitRetriedAutomatically = "dunning.debit_retried";

    /// <summary>A scheduled presentation withdrawn before it reached the bank, because the invoice was settled otherwise.</summary>
    public const string DebitWithdrawn = "dunning.debit_withdrawn";

    public const string DunningPaused = "dunning.paused";

    public const string DunningResumed = "dunning.resumed";

    /// <summary>Support recorded a bank transfer that pays an unpaid invoice.</summary>
    public const string TransferRecorded = "payment.transfer_recorded";

    /// <summary>Support wrote an unpaid invoice off with a credit note.</summary>
    public const string DebtWrittenOff = "payment.written_off";

    /// <summary>An admin changed the billing email, the address the portal's emails go to.</summary>
    public const string BillingEmailChanged = "organization.billing_email_changed";

    /// <summary>Support queued a failed email again.</summary>
    public const string EmailSentAgain = "email.sent_again";

    // Each known code and the key of its label in this class's resources.
    private static readonly Dictionary<string, string> LabelKeys = new(StringComparer.Ordinal)
    {
        [SignedIn] = "SignedIn",
        [ImpersonationStarted] = "ImpersonationStarted",
        [ImpersonationStopped] = "ImpersonationStopped",
        [OverdueStateChanged] = "OverdueStateChanged",
        [DebitRetriedAutomatically] = "DebitRetriedAutomatically",
        [DebitWithdrawn] = "DebitWithdrawn",
        [DunningPaused] = "DunningPaused",
        [DunningResumed] = "DunningResumed",
        [TransferRecorded] = "TransferRecorded",
        [DebtWrittenOff] = "DebtWrittenOff",
        [PlatformCreated] = "PlatformCreated",
        [OrganizationUpdated] = "OrganizationUpdated",
        [MandateSigned] = "MandateSigned",
        [SubscriptionChanged] = "SubscriptionChanged",
        [SubscriptionRenewed] = "SubscriptionRenewed",
        [BillingEmailChanged] = "BillingEmailChanged",
        [EmailSentAgain] = "EmailSentAgain",
    };

    /// <summary>
    /// The label a person reads, in their language (<paramref name="localizer"/> is this class's,
    /// <c>Create(typeof(AuditActions))</c>). Codes written by features that have no label here yet read as
    /// words ("subscription.cancelled" → "Subscription cancelled") rather than as codes.
    /// </summary>
    public static string Label(string action, IStringLocalizer localizer)
    {
        if (LabelKeys.TryGetValue(action, out var key))
        {
            return localizer[key];
        }

        var words = action.Replace('.', ' ').Replace('_', ' ').Trim();
        return words.Length == 0 ? action : char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
    }
}

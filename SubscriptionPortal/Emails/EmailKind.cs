namespace SubscriptionPortal.Emails;

/// <summary>The emails the portal sends, each from one business event.</summary>
public enum EmailKind
{
    InvoiceIssued = 1,
    CreditNoteIssued = 2,
    DirectDebitFailed = 3,
    SubscriptionCancelled = 4,
    ClosingSoon = 5,
    PlatformClosed = 6,
    MandateSigned = 7,
    ImpersonationStarted = 8,
    RenewalReminder = 9,
    BillingEmailChanged = 10,

    /// <summary>A later step of dunning: restricted, suspended, or active again once paid.</summary>
    OverdueStateChanged = 11,
}

namespace SubscriptionPortal.Billing.Pdf;

/// <summary>The two kinds of billing document the portal issues.</summary>
public enum BillingDocumentKind
{
    /// <summary>An invoice, numbered F-YYYY-NNNNNN.</summary>
    Invoice,

    /// <summary>A credit note correcting an earlier invoice, numbered A-YYYY-NNNNNN.</summary>
    CreditNote,
}

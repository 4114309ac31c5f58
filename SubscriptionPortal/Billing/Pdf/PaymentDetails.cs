namespace SubscriptionPortal.Billing.Pdf;

/// <summary>How a document is settled. Every amount is in euros, including VAT, computed by the billing engine.</summary>
public sealed record PaymentDetails
{
    /// <summary>The direct debit collecting what is left to pay, or null when nothing is debited.</summary>
    public SepaDirectDebitDetails? DirectDebit { get; init; }

    /// <summary>Part of an invoice settled by the credit note issued with it, or null.</summary>
    public CreditNoteSettlement? SettledByCreditNote { get; init; }

    /// <summary>Part of an invoice paid from the platform's account balance; 0 when none.</summary>
    public decimal PaidFromAccountBalance { get; init; }

    /// <summary>Part of a credit note set against the invoice issued with it, or null.</summary>
    public CreditNoteImputation? AppliedToInvoice { get; init; }

    /// <summary>Part of a credit note credited to the platform's account balance; 0 when none.</summary>
    public decimal CreditedToAccountBalance { get; init; }
}

using SubscriptionPortal.Common;

namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// Everything an issued invoice or credit note shows, fully computed by the billing engine.
/// The PDF renderer only lays this out: it adds, rounds and converts nothing.
/// All amounts are in euros (<see cref="Currency"/> is always "EUR"), rounded to the cent, never negative.
/// </summary>
public sealed record BillingDocumentModel
{
    public required DocumentKind Kind { get; init; }

    /// <summary>Document number: F-YYYY-NNNNNN for invoices, A-YYYY-NNNNNN for credit notes.</summary>
    public required string Number { get; init; }

    /// <summary>Issue date, local to the platform; also the PDF's creation and modification date.</summary>
    public required DateOnly IssueDate { get; init; }

    public required SellerDetails Seller { get; init; }

    public required BuyerDetails Buyer { get; init; }

    /// <summary>The service period the document covers; for a credit note, the credited part of the period.</summary>
    public required BillingPeriod ServicePeriod { get; init; }

    public required IReadOnlyList<BillingLine> Lines { get; init; }

    /// <summary>One entry per VAT rate used by the lines: the base excluding VAT and the VAT at that rate.</summary>
    public required IReadOnlyList<VatAmounts> VatSummary { get; init; }

    /// <summary>The document's totals, euros: excluding VAT (HT), VAT (TVA) and including VAT (TTC).</summary>
    public required VatAmounts Totals { get; init; }

    /// <summary>How the document is settled. Required on invoices (payment terms are a mandatory mention).</summary>
    public PaymentDetails? Payment { get; init; }

    /// <summary>Required on credit notes: the invoice corrected and the reason; null on invoices.</summary>
    public CorrectedInvoiceReference? CorrectedInvoice { get; init; }

    /// <summary>ISO 4217 currency code. Only "EUR" is supported.</summary>
    public string Currency { get; init; } = "EUR";
}

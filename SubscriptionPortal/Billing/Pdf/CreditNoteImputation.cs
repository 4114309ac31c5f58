namespace SubscriptionPortal.Billing.Pdf;

/// <summary>The part of a credit note set against an invoice issued with it (a plan change nets the two).</summary>
/// <param name="InvoiceNumber">The invoice it settles, e.g. F-2026-000043.</param>
/// <param name="InvoiceIssueDate">That invoice's issue date.</param>
/// <param name="Amount">Amount of the credit note set against it, in euros, including VAT.</param>
public sealed record CreditNoteImputation(string InvoiceNumber, DateOnly InvoiceIssueDate, decimal Amount);

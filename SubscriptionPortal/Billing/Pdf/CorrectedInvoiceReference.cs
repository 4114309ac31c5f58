namespace SubscriptionPortal.Billing.Pdf;

/// <summary>The invoice a credit note corrects, and why; a French credit note must name it.</summary>
/// <param name="InvoiceNumber">The corrected invoice's number, e.g. F-2026-000101.</param>
/// <param name="InvoiceIssueDate">The corrected invoice's issue date.</param>
/// <param name="Reason">Why the credit note is issued, e.g. "Change of subscription on 10/03/2026: unused part of the period".</param>
public sealed record CorrectedInvoiceReference(string InvoiceNumber, DateOnly InvoiceIssueDate, string Reason);

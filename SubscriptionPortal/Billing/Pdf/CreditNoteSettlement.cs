namespace SubscriptionPortal.Billing.Pdf;

/// <summary>Part of an invoice settled by a credit note issued with it (a plan change nets the two).</summary>
/// <param name="CreditNoteNumber">The credit note's number, e.g. A-2026-000042.</param>
/// <param name="Amount">Amount of the invoice it settles, in euros, including VAT.</param>
public sealed record CreditNoteSettlement(string CreditNoteNumber, decimal Amount);

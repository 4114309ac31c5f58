namespace SubscriptionPortal.Billing;

/// <summary>The invoice that opened the current period, which a change's credit note corrects.</summary>
/// <param name="Number">Its number (<c>F-YYYY-NNNNNN</c>); the credit note names it.</param>
/// <param name="IssueDate">Its issue date; the credit note names it too.</param>
/// <param name="ChargedExcludingVat">What it charged for the subscription, euros HT.</param>
/// <param name="VatRate">Its VAT rate as a fraction (0.20 = 20 %); the credit note uses it, whatever today's rate.</param>
/// <param name="CreditedExcludingVat">What credit notes already returned of it, euros HT.</param>
public sealed record CreditableInvoice(string Number, DateOnly IssueDate, decimal ChargedExcludingVat, decimal VatRate, decimal CreditedExcludingVat);

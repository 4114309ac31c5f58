using SubscriptionPortal.Common;

namespace SubscriptionPortal.Billing;

/// <summary>
/// One line of an invoice or credit note, the same from the calculation to the draft, the PDF and
/// the e-invoice: quantity × unit price excluding VAT = total excluding VAT, euros. Stored as a
/// <see cref="DocumentLine"/> in cents once issued.
/// </summary>
/// <param name="Description">E.g. "Professional — up to 250 contacts — monthly".</param>
/// <param name="Period">The service period the line covers, [start, end), end exclusive.</param>
/// <param name="Quantity">Always 1 for a subscription period.</param>
/// <param name="UnitPriceExcludingVat">Euros excluding VAT, whole cents.</param>
/// <param name="TotalExcludingVat">Euros excluding VAT, whole cents.</param>
public sealed record BillingLine(string Description, BillingPeriod Period, int Quantity, decimal UnitPriceExcludingVat, decimal TotalExcludingVat);

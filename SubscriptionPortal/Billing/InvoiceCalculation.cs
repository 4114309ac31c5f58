using SubscriptionPortal.Common;

namespace SubscriptionPortal.Billing;

/// <summary>An invoice before it is numbered: one full period of the new offer, tier and commitment.</summary>
/// <param name="Period">The period invoiced, [start, end), end exclusive.</param>
/// <param name="Lines">Its lines; their total HT is <see cref="VatAmounts.ExcludingVat"/> of <paramref name="Totals"/>.</param>
/// <param name="Totals">HT, VAT rate, VAT and TTC, euros.</param>
public sealed record InvoiceCalculation(BillingPeriod Period, IReadOnlyList<BillingLine> Lines, VatAmounts Totals);

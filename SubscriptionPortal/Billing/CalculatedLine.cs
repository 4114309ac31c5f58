using SubscriptionPortal.Common;

namespace SubscriptionPortal.Billing;

/// <summary>A document line before issue: quantity × unit price HT = total HT, euros.</summary>
/// <param name="Description">E.g. "Professional — up to 250 contacts — monthly".</param>
/// <param name="Period">The service period the line covers, [start, end), end exclusive.</param>
/// <param name="Quantity">Always 1 for a subscription period.</param>
/// <param name="UnitPriceHt">Euros HT, whole cents.</param>
/// <param name="TotalHt">Euros HT, whole cents.</param>
public sealed record CalculatedLine(string Description, BillingPeriod Period, int Quantity, decimal UnitPriceHt, decimal TotalHt);

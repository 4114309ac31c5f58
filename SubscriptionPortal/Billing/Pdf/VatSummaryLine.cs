namespace SubscriptionPortal.Billing.Pdf;

/// <summary>The VAT due at one rate, as computed by the billing engine.</summary>
/// <param name="RatePercent">VAT rate in percent (20 means 20 %).</param>
/// <param name="BaseExcludingVat">Sum of the lines' totals excluding VAT at this rate, in euros.</param>
/// <param name="VatAmount">VAT at this rate, in euros, rounded once to the cent.</param>
public sealed record VatSummaryLine(decimal RatePercent, decimal BaseExcludingVat, decimal VatAmount);

namespace SubscriptionPortal.Billing.Pdf;

/// <summary>One line of the lines table, already computed and rounded by the billing engine.</summary>
/// <param name="Description">What is billed, e.g. "Serenity — up to 250 contacts, monthly commitment".</param>
/// <param name="Period">The period this line covers, or null when it is not tied to a period.</param>
/// <param name="Quantity">Quantity billed (usually 1).</param>
/// <param name="UnitPriceExcludingVat">Unit price excluding VAT (HT), in euros.</param>
/// <param name="VatRatePercent">VAT rate applied to the line, in percent (20 means 20 %).</param>
/// <param name="TotalExcludingVat">Line total excluding VAT (HT), in euros, rounded to the cent.</param>
public sealed record BillingDocumentLine(
    string Description,
    BillingDocumentPeriod? Period,
    decimal Quantity,
    decimal UnitPriceExcludingVat,
    decimal VatRatePercent,
    decimal TotalExcludingVat);

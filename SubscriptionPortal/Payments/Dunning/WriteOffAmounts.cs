using SubscriptionPortal.Billing;
using SubscriptionPortal.Common;

namespace SubscriptionPortal.Payments.Dunning;

/// <summary>
/// Splits an amount including VAT into HT and VAT, for a credit note that must cancel exactly what is unpaid:
/// HT = round(TTC ÷ (1 + rate)), VAT = TTC − HT, so HT + VAT is the unpaid amount to the cent.
/// </summary>
public static class WriteOffAmounts
{
    /// <param name="ttc">Euros, whole cents, positive.</param>
    /// <param name="vatRate">A fraction: 0.20 for 20 %.</param>
    public static (decimal ExcludingVat, decimal Vat, decimal IncludingVat) Split(decimal ttc, decimal vatRate)
    {
        Money.RequireWholeNonNegative(ttc, nameof(ttc));
        if (vatRate is < 0m or >= 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(vatRate), vatRate, "A VAT rate is a fraction: 0.20 for 20 %.");
        }

        var excludingVat = Money.Round(ttc / (1m + vatRate));
        return (excludingVat, ttc - excludingVat, ttc);
    }
}

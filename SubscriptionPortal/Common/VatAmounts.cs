namespace SubscriptionPortal.Common;

/// <summary>
/// The totals of one document in euros: HT, the VAT rate, VAT = round(HT × rate) and TTC = HT + VAT.
/// VAT is rounded once, on the total HT, so HT + VAT = TTC to the cent.
/// </summary>
public sealed record VatAmounts
{
    private VatAmounts(decimal excludingVat, decimal vatRate, decimal vat)
    {
        ExcludingVat = excludingVat;
        VatRate = vatRate;
        Vat = vat;
    }

    /// <summary>Total excluding VAT, euros, whole cents, never negative.</summary>
    public decimal ExcludingVat { get; }

    /// <summary>VAT rate as a fraction: 0.20 is 20 %.</summary>
    public decimal VatRate { get; }

    /// <summary>VAT, euros: round(ExcludingVat × VatRate), half away from zero.</summary>
    public decimal Vat { get; }

    /// <summary>Total including VAT, euros: ExcludingVat + Vat.</summary>
    public decimal IncludingVat => ExcludingVat + Vat;

    /// <summary>Computes VAT and TTC from a total HT in euros and a rate as a fraction (0.20 = 20 %).</summary>
    /// <exception cref="ArgumentException">HT is negative or not whole cents, or the rate is outside [0, 1).</exception>
    public static VatAmounts FromExcludingVat(decimal excludingVat, decimal vatRate)
    {
        Money.RequireWholeNonNegative(excludingVat, nameof(excludingVat));
        if (vatRate is < 0m or >= 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(vatRate), vatRate, "A VAT rate is a fraction: 0.20 for 20 %.");
        }

        return new VatAmounts(excludingVat, vatRate, Money.Round(excludingVat * vatRate));
    }

    /// <summary>
    /// Amounts split back from a total including VAT (a write-off of what is left unpaid): the VAT is
    /// what remains after the amount excluding VAT, so the three add up to the cent.
    /// </summary>
    public static VatAmounts FromSplit(decimal excludingVat, decimal vatRate, decimal vat)
    {
        Money.RequireWholeNonNegative(excludingVat, nameof(excludingVat));
        Money.RequireWholeNonNegative(vat, nameof(vat));
        return new VatAmounts(excludingVat, vatRate, vat);
    }
}

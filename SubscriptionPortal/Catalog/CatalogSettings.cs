namespace SubscriptionPortal.Catalog;

/// <summary>Catalog-wide settings, a single row (Id 1).</summary>
public sealed class CatalogSettings
{
    private CatalogSettings()
    {
    }

    public CatalogSettings(int vatRateBasisPoints, int collectionDelayDays)
    {
        Id = 1;
        VatRateBasisPoints = vatRateBasisPoints;
        CollectionDelayDays = collectionDelayDays;
    }

    public int Id { get; private set; }

    /// <summary>VAT rate in basis points: 2000 is 20 %.</summary>
    public int VatRateBasisPoints { get; private set; }

    /// <summary>Calendar days between a validated change and its direct debit's collection (at most 3).</summary>
    public int CollectionDelayDays { get; private set; }

    public decimal VatRate => VatRateBasisPoints / 10000m;
}

using SubscriptionPortal.Catalog;

namespace SubscriptionPortal.Benchmarks.Billing;

/// <summary>The catalog the migrations seed (offers, tiers, feature lines), as the calculators see it after loading.</summary>
internal static class SeedCatalog
{
    public static decimal VatRate => CatalogSeed.Settings.VatRate;

    public static OfferPricing Pricing(string code)
    {
        var offer = CatalogSeed.Offers.Single(o => o.Code == code);
        return new OfferPricing(
            offer.Code,
            offer.Name,
            offer.IsFree,
            offer.Rank,
            CatalogSeed.Tiers.Where(t => t.OfferCode == code).OrderBy(t => t.MaxContacts)
                .Select(t => new TierPrice(t.MaxContacts, t.MonthlyPriceCents / 100m)).ToList(),
            CatalogSeed.Features.Where(f => f.OfferCode == code).OrderBy(f => f.SortOrder).Select(f => f.Text).ToList());
    }
}

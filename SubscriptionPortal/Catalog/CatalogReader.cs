using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Catalog;

/// <summary>Loads the catalog rows as the calculators' pricing view.</summary>
internal sealed class CatalogReader(IDbContextFactory<ApplicationDbContext> dbFactory)
{
    public async Task<IReadOnlyList<OfferPricing>> GetOffersAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LoadAsync(db, ct);
    }

    public static async Task<IReadOnlyList<OfferPricing>> LoadAsync(ApplicationDbContext db, CancellationToken ct = default)
    {
        // Three small queries of plain columns, put together here: one joined query would return every tier times
        // every feature of each offer (122 rows for 43), and an Include of both builds its nested shapers again on
        // every run. The catalog is read twice in every plan change (quote, then validation).
        var offers = await db.Offers.Select(o => new { o.Code, o.Name, o.IsFree, o.Rank }).ToListAsync(ct);
        var tiers = (await db.OfferTiers.Select(t => new { t.OfferCode, t.MaxContacts, t.MonthlyPriceCents }).ToListAsync(ct))
            .ToLookup(t => t.OfferCode);
        var features = (await db.OfferFeatures.Select(f => new { f.OfferCode, f.SortOrder, f.Text }).ToListAsync(ct))
            .ToLookup(f => f.OfferCode);
        return offers
            .OrderBy(o => o.Rank).ThenBy(o => o.Name)
            .Select(o => Pricing(o.Code, o.Name, o.IsFree, o.Rank,
                tiers[o.Code].Select(t => (t.MaxContacts, t.MonthlyPriceCents)), features[o.Code].Select(f => (f.SortOrder, f.Text))))
            .ToList();
    }

    public static OfferPricing ToPricing(Offer o) =>
        Pricing(o.Code, o.Name, o.IsFree, o.Rank, o.Tiers.Select(t => (t.MaxContacts, t.MonthlyPriceCents)), o.Features.Select(f => (f.SortOrder, f.Text)));

    private static OfferPricing Pricing(string code, string name, bool isFree, int rank,
        IEnumerable<(int MaxContacts, long MonthlyPriceCents)> tiers, IEnumerable<(int SortOrder, string Text)> features) => new(
        code,
        name,
        isFree,
        rank,
        tiers.OrderBy(t => t.MaxContacts).Select(t => new TierPrice(t.MaxContacts, t.MonthlyPriceCents / 100m)).ToList(),
        features.OrderBy(f => f.SortOrder).Select(f => f.Text).ToList());
}

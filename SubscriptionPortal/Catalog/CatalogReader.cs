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
        // Three small queries: one joined query would return every tier times every feature of each offer
        // (122 rows for 43), and it runs twice in every plan change (quote, then validation).
        var offers = await db.Offers.AsNoTracking().Include(o => o.Tiers).Include(o => o.Features).AsSplitQuery().ToListAsync(ct);
        return offers
            .OrderBy(o => o.Rank).ThenBy(o => o.Name)
            .Select(ToPricing)
            .ToList();
    }

    public static OfferPricing ToPricing(Offer o) => new(
        o.Code,
        o.Name,
        o.IsFree,
        o.Rank,
        o.Tiers.OrderBy(t => t.MaxContacts).Select(t => new TierPrice(t.MaxContacts, t.MonthlyPriceCents / 100m)).ToList(),
        o.Features.OrderBy(f => f.SortOrder).Select(f => f.Text).ToList());
}

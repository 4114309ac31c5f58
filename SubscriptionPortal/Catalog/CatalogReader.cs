using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Catalog;

/// <summary>Loads the catalog rows as the calculators' pricing view.</summary>
internal sealed class CatalogReader(IDbContextFactory<ApplicationDbContext> dbFactory)
{
    // Compiled once per process (per model): every quote and every validation reads the catalog.
    private static readonly CompiledPerModel<Func<ApplicationDbContext, IAsyncEnumerable<OfferRow>>> Offers = new(() => EF.CompileAsyncQuery(
        (ApplicationDbContext db) => db.Offers.Select(o => new OfferRow(o.Code, o.Name, o.IsFree, o.Rank))));

    private static readonly CompiledPerModel<Func<ApplicationDbContext, IAsyncEnumerable<TierRow>>> Tiers = new(() => EF.CompileAsyncQuery(
        (ApplicationDbContext db) => db.OfferTiers.Select(t => new TierRow(t.OfferCode, t.MaxContacts, t.MonthlyPriceCents))));

    private static readonly CompiledPerModel<Func<ApplicationDbContext, IAsyncEnumerable<FeatureRow>>> Features = new(() => EF.CompileAsyncQuery(
        (ApplicationDbContext db) => db.OfferFeatures.Select(f => new FeatureRow(f.OfferCode, f.SortOrder, f.Text))));

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
        var offers = await Offers.For(db)(db).ToListAsync(ct);
        var tiers = (await Tiers.For(db)(db).ToListAsync(ct)).ToLookup(t => t.OfferCode);
        var features = (await Features.For(db)(db).ToListAsync(ct)).ToLookup(f => f.OfferCode);
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

    private sealed record OfferRow(string Code, string Name, bool IsFree, int Rank);

    private sealed record TierRow(string OfferCode, int MaxContacts, long MonthlyPriceCents);

    private sealed record FeatureRow(string OfferCode, int SortOrder, string Text);
}

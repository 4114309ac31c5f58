using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Subscriptions;

internal static class SubscriptionStateLoader
{
    // Compiled once per process (per model): a quote and a validation each run both, and a compiled query skips EF Core's
    // extraction of parameters from the expression and its cache lookup. Same SQL as the LINQ it is written in.
    private static readonly CompiledPerModel<Func<ApplicationDbContext, int, CancellationToken, Task<StateFacts>>> Facts = new(() => EF.CompileAsyncQuery(
        (ApplicationDbContext db, int platformId, CancellationToken ct) => (
                from subscription in db.Subscriptions
                join platform in db.Platforms on subscription.PlatformId equals platform.Id
                from settings in db.CatalogSettings
                where subscription.PlatformId == platformId
                select new StateFacts(
                    platform,
                    subscription,
                    settings.VatRateBasisPoints,
                    settings.CollectionDelayDays,
                    db.Contacts.Count(c => c.PlatformId == platformId && !c.IsArchived),
                    db.Mandates.Any(m => m.PlatformId == platformId && m.RevokedAtUtc == null)))
            .Single()));

    private static readonly CompiledPerModel<Func<ApplicationDbContext, int, CancellationToken, Task<OpeningFacts>>> Opening = new(() => EF.CompileAsyncQuery(
        (ApplicationDbContext db, int invoiceId, CancellationToken ct) => db.Documents
            .Where(d => d.Id == invoiceId)
            .Select(d => new OpeningFacts(
                d.Id,
                d.Number,
                d.IssueDate,
                d.TotalExcludingVatCents,
                d.VatRateBasisPoints,
                db.Documents.Where(c => c.CorrectsDocumentId == invoiceId).Sum(c => c.TotalExcludingVatCents)))
            .Single()));

    /// <summary>Loads (tracked) the platform, its subscription and everything a quote needs.</summary>
    public static async Task<SubscriptionState> LoadAsync(ApplicationDbContext db, int platformId, CancellationToken ct)
    {
        // One round trip for the tracked platform and subscription, the catalog's settings and the platform's counts.
        var facts = await Facts.For(db)(db, platformId, ct);
        var catalog = await CatalogReader.LoadAsync(db, ct);
        OpeningInvoice? opening = null;
        if (facts.Subscription.Plan?.OpeningInvoiceId is { } invoiceId)
        {
            // Only the figures a credit note needs, with what earlier credit notes already took back: not the stored PDF.
            var invoice = await Opening.For(db)(db, invoiceId, ct);
            opening = new OpeningInvoice(invoice.Id, invoice.Number, invoice.IssueDate, Money.FromCents(invoice.TotalExcludingVatCents),
                invoice.VatRateBasisPoints / 10000m, Money.FromCents(invoice.CreditedCents));
        }

        return new SubscriptionState(facts.Platform, facts.Subscription, catalog, facts.VatRateBasisPoints / 10000m, facts.CollectionDelayDays, facts.Contacts,
            opening, facts.HasMandate);
    }

    private sealed record StateFacts(Platform Platform, Subscription Subscription, int VatRateBasisPoints, int CollectionDelayDays, int Contacts, bool HasMandate);

    private sealed record OpeningFacts(int Id, string Number, DateOnly IssueDate, long TotalExcludingVatCents, int VatRateBasisPoints, long CreditedCents);
}

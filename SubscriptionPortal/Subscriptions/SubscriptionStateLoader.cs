using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Subscriptions;

internal static class SubscriptionStateLoader
{
    /// <summary>Loads (tracked) the platform, its subscription and everything a quote needs.</summary>
    public static async Task<SubscriptionState> LoadAsync(ApplicationDbContext db, int platformId, CancellationToken ct)
    {
        // One round trip for the tracked platform and subscription, the catalog's settings and the platform's counts.
        var facts = await (
                from subscription in db.Subscriptions
                join platform in db.Platforms on subscription.PlatformId equals platform.Id
                from settings in db.CatalogSettings
                where subscription.PlatformId == platformId
                select new
                {
                    Platform = platform,
                    Subscription = subscription,
                    settings.VatRateBasisPoints,
                    settings.CollectionDelayDays,
                    Contacts = db.Contacts.Count(c => c.PlatformId == platformId && !c.IsArchived),
                    HasMandate = db.Mandates.Any(m => m.PlatformId == platformId && m.RevokedAtUtc == null),
                })
            .SingleAsync(ct);
        var catalog = await CatalogReader.LoadAsync(db, ct);
        OpeningInvoice? opening = null;
        if (facts.Subscription.Plan?.OpeningInvoiceId is { } invoiceId)
        {
            // Only the figures a credit note needs, with what earlier credit notes already took back: not the stored PDF.
            var invoice = await db.Documents
                .Where(d => d.Id == invoiceId)
                .Select(d => new
                {
                    d.Id,
                    d.Number,
                    d.IssueDate,
                    d.TotalExcludingVatCents,
                    d.VatRateBasisPoints,
                    CreditedCents = db.Documents.Where(c => c.CorrectsDocumentId == invoiceId).Sum(c => c.TotalExcludingVatCents),
                })
                .SingleAsync(ct);
            opening = new OpeningInvoice(invoice.Id, invoice.Number, invoice.IssueDate, Money.FromCents(invoice.TotalExcludingVatCents),
                invoice.VatRateBasisPoints / 10000m, Money.FromCents(invoice.CreditedCents));
        }

        return new SubscriptionState(facts.Platform, facts.Subscription, catalog, facts.VatRateBasisPoints / 10000m, facts.CollectionDelayDays, facts.Contacts,
            opening, facts.HasMandate);
    }
}

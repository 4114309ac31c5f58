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
        var platform = await db.Platforms.SingleAsync(p => p.Id == platformId, ct);
        var subscription = await db.Subscriptions.SingleAsync(s => s.PlatformId == platformId, ct);
        var catalog = await CatalogReader.LoadAsync(db, ct);
        var settings = await db.CatalogSettings.AsNoTracking().SingleAsync(ct);
        var contacts = await db.Contacts.CountAsync(c => c.PlatformId == platformId && !c.IsArchived, ct);
        var hasMandate = await db.Mandates.AnyAsync(m => m.PlatformId == platformId && m.RevokedAtUtc == null, ct);
        OpeningInvoice? opening = null;
        if (subscription.Plan?.OpeningInvoiceId is { } invoiceId)
        {
            var invoice = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == invoiceId, ct);
            var credited = await db.Documents.Where(d => d.CorrectsDocumentId == invoiceId).SumAsync(d => d.TotalExcludingVatCents, ct);
            opening = new OpeningInvoice(invoice.Id, invoice.Number, invoice.IssueDate, Money.FromCents(invoice.TotalExcludingVatCents),
                invoice.VatRateBasisPoints / 10000m, Money.FromCents(credited));
        }

        return new SubscriptionState(platform, subscription, catalog, settings.VatRate, settings.CollectionDelayDays, contacts, opening, hasMandate);
    }
}

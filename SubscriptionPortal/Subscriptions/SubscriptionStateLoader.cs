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

        return new SubscriptionState(platform, subscription, catalog, settings.VatRate, settings.CollectionDelayDays, contacts, opening, hasMandate);
    }
}

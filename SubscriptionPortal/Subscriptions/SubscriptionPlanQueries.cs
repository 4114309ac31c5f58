using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Subscriptions;

/// <summary>Reads the current platform's subscription for Settings › Subscription Plan.</summary>
internal sealed class SubscriptionPlanQueries(IDbContextFactory<ApplicationDbContext> dbFactory)
{
    public async Task<SubscriptionPlanView?> GetAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CurrentPlatformIdAsync(user, ct) is { } platformId ? await LoadAsync(db, platformId, ct) : null;
    }

    /// <summary>Loads a plan by platform id; callers have already checked access.</summary>
    public static async Task<SubscriptionPlanView> LoadAsync(ApplicationDbContext db, int platformId, CancellationToken ct = default)
    {
        var platform = await db.Platforms.AsNoTracking().SingleAsync(p => p.Id == platformId, ct);
        var subscription = await db.Subscriptions.AsNoTracking().SingleAsync(s => s.PlatformId == platformId, ct);
        var offer = await db.Offers.AsNoTracking().SingleAsync(o => o.Code == subscription.OfferCode, ct);
        var contacts = await db.Contacts.CountAsync(c => c.PlatformId == platformId && !c.IsArchived, ct);
        var mandate = await db.Mandates.AsNoTracking()
            .Where(m => m.PlatformId == platformId && m.RevokedAtUtc == null)
            .OrderByDescending(m => m.Id)
            .Select(m => new { m.AccountHolder, m.Iban, m.Reference, m.SignedOn })
            .FirstOrDefaultAsync(ct);
        var invoice = subscription.Plan?.OpeningInvoiceId is { } invoiceId
            ? await db.Documents.AsNoTracking().Where(d => d.Id == invoiceId && d.PlatformId == platformId)
                .Select(d => new { d.Id, d.Number, d.IssueDate, d.TotalExcludingVatCents, d.VatCents })
                .SingleOrDefaultAsync(ct)
            : null;

        return new SubscriptionPlanView(
            platformId,
            platform.Name,
            offer.Code,
            offer.Name,
            offer.IsFree,
            subscription.Plan?.TierMaxContacts,
            contacts,
            subscription.Plan?.Commitment,
            subscription.CurrentPeriod,
            subscription.CancelAtPeriodEnd,
            platform.Status == PlatformStatus.Closed,
            Money.FromCents(platform.BalanceCents),
            mandate is null ? null : new MandateSummary(mandate.AccountHolder, Iban.Mask(mandate.Iban), mandate.Reference, mandate.SignedOn),
            invoice is null ? null : new OpeningInvoiceSummary(invoice.Id, invoice.Number, invoice.IssueDate, Money.FromCents(invoice.TotalExcludingVatCents + invoice.VatCents)));
    }
}

using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Subscriptions;

/// <summary>
/// Renews paid subscriptions whose period has ended (SPEC §4): an invoice for the next full period,
/// the balance applied first, a debit for the rest. Each renewal is one transaction, and the
/// invoice's idempotency key (subscription and period start) is unique: running the job twice, or
/// on two instances at once, never invoices a period twice. Each renewal first claims its
/// subscription's row in the database (PostgreSQL: <c>FOR NO KEY UPDATE SKIP LOCKED</c>), so instances
/// running the job together split the due subscriptions between them instead of colliding.
/// </summary>
internal sealed class RenewalService(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    PeriodInvoicing invoicing,
    TimeProvider clock,
    ILogger<RenewalService> logger)
{
    private static readonly Actor JobActor = Actor.Job("Automatic renewal");

    /// <summary>Renews every due subscription, catching up several periods if the job was down. Returns the invoices issued.</summary>
    public async Task<int> RenewDueAsync(CancellationToken ct = default)
    {
        // Local dates run up to 14 hours ahead of UTC: look one day ahead, and let each renewal check its own platform's date.
        var horizon = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1);
        List<int> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = await db.Subscriptions
                .Where(s => s.Plan != null && !s.CancelAtPeriodEnd && s.Plan.PeriodEnd <= horizon)
                .OrderBy(s => s.Plan!.PeriodEnd).Select(s => s.Id)
                .ToListAsync(ct);
        }

        var issued = 0;
        var catalog = new CatalogCache();
        foreach (var subscriptionId in due)
        {
            while (await RenewOnceAsync(subscriptionId, catalog, ct))
            {
                issued++;
            }
        }

        return issued;
    }

    /// <summary>Renews one period of one subscription if it is due; false when there was nothing to do.</summary>
    public Task<bool> RenewOnceAsync(int subscriptionId, CancellationToken ct = default) => RenewOnceAsync(subscriptionId, new CatalogCache(), ct);

    private async Task<bool> RenewOnceAsync(int subscriptionId, CatalogCache catalog, CancellationToken ct)
    {
        try
        {
            return await RenewInTransactionAsync(subscriptionId, catalog, ct);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(ex))
        {
            // Another run renewed this period first: nothing more to do here.
            logger.RenewedByAnotherRun(subscriptionId);
            return false;
        }
    }

    private async Task<bool> RenewInTransactionAsync(int subscriptionId, CatalogCache catalog, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Held by another instance's renewal (or a change being validated): that one does the work, or the next run will.
        if (await db.ClaimAsync<Subscription>(nameof(Subscription.Id), subscriptionId, ct) is not { } subscription)
        {
            return false;
        }

        var platform = await db.Platforms.SingleAsync(p => p.Id == subscription.PlatformId, ct);
        var now = clock.GetUtcNow();
        var today = PeriodMath.LocalDate(now, platform.TimeZone);
        if (subscription is not { Plan: { } plan, CancelAtPeriodEnd: false } || plan.PeriodEnd > today
            || platform.Status == PlatformStatus.Closed)
        {
            return false;
        }

        var (offer, settings) = await catalog.GetAsync(db, subscription.OfferCode, ct);
        var calc = QuoteCalculator.Renewal(new RenewalInput(offer, plan.TierMaxContacts, plan.Commitment,
            plan.AnchorDate, plan.CurrentPeriod, today, settings.VatRate, Money.FromCents(platform.BalanceCents), settings.CollectionDelayDays,
            platform.BillingLanguage));
        var (invoice, debit) = await invoicing.IssueInvoiceAsync(db, platform, subscription.Id, $"renewal:{subscription.Id}:{calc.Period.Start:yyyy-MM-dd}", today, now.UtcDateTime,
            calc.Invoice, new InvoiceCharge(calc.BalanceApplied, calc.AmountDue, calc.CollectionDate), ct);
        if (debit is null && calc.AmountDue > 0)
        {
            logger.InvoiceAwaitsPaymentWithoutDebit(platform.Id, invoice.Number);
        }

        subscription.Renew(calc.Period, invoice.Id);
        platform.SetBalance(Money.ToCents(calc.BalanceAfter));
        db.AuditEntries.Add(JobActor.Entry(now.UtcDateTime, platform.Id, AuditActions.SubscriptionRenewed,
            $"Renewed for {Format(calc.Period)}: invoice {invoice.Number} ({calc.Invoice.Totals.IncludingVat:0.00} € TTC)"
            + (calc.BalanceApplied > 0 ? $", {calc.BalanceApplied:0.00} € from the balance" : "")
            + (debit is null ? "" : $", direct debit of {calc.AmountDue:0.00} € on {calc.CollectionDate:dd/MM/yyyy}") + "."));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// The catalog as one run of the job reads it: each offer's prices and the VAT settings are read once
    /// per run rather than once per renewal (two queries of ten). The catalog changes only by migration.
    /// </summary>
    private sealed class CatalogCache
    {
        private readonly Dictionary<string, OfferPricing> offers = new(StringComparer.Ordinal);
        private CatalogSettings? settings;

        public async Task<(OfferPricing Offer, CatalogSettings Settings)> GetAsync(ApplicationDbContext db, string offerCode, CancellationToken ct)
        {
            if (!offers.TryGetValue(offerCode, out var offer))
            {
                // A renewal prices the same tier again: it needs the tiers, not the feature lines. Including
                // both would read tiers × features rows (up to 72): about 8 % of a renewal's time.
                offer = CatalogReader.ToPricing(await db.Offers.AsNoTracking().Include(o => o.Tiers).SingleAsync(o => o.Code == offerCode, ct));
                offers[offerCode] = offer;
            }

            settings ??= await db.CatalogSettings.AsNoTracking().SingleAsync(ct);
            return (offer, settings);
        }
    }

    private static string Format(BillingPeriod period) => $"{period.Start:dd/MM/yyyy}–{period.LastDay:dd/MM/yyyy}";
}

using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Emails;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Subscriptions;

/// <summary>
/// Renews paid subscriptions whose period has ended (SPEC §4): an invoice for the next full period,
/// the balance applied first, a debit for the rest. The invoice's idempotency key (subscription and
/// period start) is unique: running the job twice, or on two instances at once, never invoices a period
/// twice. The job renews the due subscriptions in batches of <see cref="BillingOptions.RenewalBatchSize"/>,
/// one transaction each: a commit (a durable write on SQLite) per batch rather than per renewal, and the
/// batch's PDFs rendered on every core. Each batch first claims its subscriptions' rows in the database
/// (PostgreSQL: <c>FOR NO KEY UPDATE SKIP LOCKED</c>), so instances running the job together split the due
/// subscriptions between them instead of colliding. On SQLite a batch's connection writes with a larger cache and without
/// the automatic checkpoint (<see cref="SqliteBatchWrites"/>), and the run's checkpoints follow the commits on another
/// connection (<see cref="SqliteCheckpoints"/>).
/// </summary>
internal sealed class RenewalService(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    PeriodInvoicing invoicing,
    IOptions<BillingOptions> options,
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
        var batches = due.Chunk(options.Value.RenewalBatchSize).ToList();
        PdfsRenderedAhead? renderedAhead = null;
        var guessing = true;
        var checkpoints = new SqliteCheckpoints(dbFactory, logger);
        for (var i = 0; i < batches.Count; i++)
        {
            // While a batch writes and commits, the next one's PDFs are rendered on the other core, from what it will most likely issue.
            var current = renderedAhead;
            (var renewed, renderedAhead) = await RenewBatchAsync(batches[i], current, guessing && i + 1 < batches.Count ? batches[i + 1] : null, catalog,
                checkpoints, ct);
            issued += renewed;
            // A wrong guess means someone else is issuing too (another instance's job, changes): guessing again would mostly
            // render twice, so the rest of the run renders its own PDFs.
            guessing &= current is not { Missed: > 0 };
        }

        // The run leaves the WAL copied into the database file, as the automatic checkpoints would have.
        await checkpoints.FinishRunAsync(ct);
        return issued;
    }

    /// <summary>Renews one period of one subscription if it is due; false when there was nothing to do.</summary>
    public Task<bool> RenewOnceAsync(int subscriptionId, CancellationToken ct = default) => RenewOnceAsync(subscriptionId, new CatalogCache(), ct);

    /// <summary>Renews one batch; returns the invoices issued and, when <paramref name="next"/> is given, the PDFs being rendered ahead for it.</summary>
    private async Task<(int Issued, PdfsRenderedAhead? Next)> RenewBatchAsync(int[] batch, PdfsRenderedAhead? renderedAhead, int[]? next, CatalogCache catalog,
        SqliteCheckpoints checkpoints, CancellationToken ct)
    {
        try
        {
            return await RenewInTransactionAsync(batch, maxPeriods: int.MaxValue, catalog, renderedAhead, next, checkpoints, ct);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(ex))
        {
            // Another run renewed one of them first, and the whole batch rolled back with it: renew the others
            // one period at a time, in a transaction each, where such a conflict costs only its own renewal.
            logger.RenewalBatchConflict(batch.Length);
            var issued = 0;
            foreach (var subscriptionId in batch)
            {
                while (await RenewOnceAsync(subscriptionId, catalog, ct))
                {
                    issued++;
                }
            }

            return (issued, null);
        }
    }

    private async Task<bool> RenewOnceAsync(int subscriptionId, CatalogCache catalog, CancellationToken ct)
    {
        try
        {
            return (await RenewInTransactionAsync([subscriptionId], maxPeriods: 1, catalog, renderedAhead: null, next: null, checkpoints: null, ct)).Issued == 1;
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(ex))
        {
            // Another run renewed this period first: nothing more to do here.
            logger.RenewedByAnotherRun(subscriptionId);
            return false;
        }
    }

    /// <summary>
    /// Renews, in one transaction, the due periods of <paramref name="subscriptionIds"/> (at most
    /// <paramref name="maxPeriods"/> each), in the order given and each subscription's periods in date order, which
    /// is the order of their invoice numbers. Returns the invoices issued. The invoices are inserted first, since
    /// their debits, emails and the renewed plans refer to them by id, then the debits, emails and audit entries, then the
    /// renewed plans (<see cref="RenewedPlanCommand"/>), then a save writes the balances. Once the invoices are numbered and inserted, it starts rendering ahead the
    /// PDFs of <paramref name="next"/>, the batch to come, and returns them. With <paramref name="checkpoints"/>, a batch of a run: on
    /// SQLite its connection writes as <see cref="SqliteBatchWrites"/> sets it, and the run's checkpoints follow its commit.
    /// </summary>
    private async Task<(int Issued, PdfsRenderedAhead? Next)> RenewInTransactionAsync(int[] subscriptionIds, int maxPeriods, CatalogCache catalog,
        PdfsRenderedAhead? renderedAhead, int[]? next, SqliteCheckpoints? checkpoints, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A batch writes about 2 MB, its PDFs mostly: more than SQLite's default cache holds, and its commit should not wait for a checkpoint.
        await using var batchWrites = checkpoints is null ? null : await SqliteBatchWrites.BeginAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Those held by another instance's renewal (or a change being validated) are left out: that one does the work, or the next run will.
        var claimed = await db.ClaimAllAsync<Subscription, int>(nameof(Subscription.Id), subscriptionIds, ct);
        if (claimed.Count == 0)
        {
            return (0, null);
        }

        var now = clock.GetUtcNow();
        var (renewals, requests) = await PlanAsync(db, claimed, subscriptionIds, maxPeriods, now, catalog, ct);
        if (requests.Count == 0)
        {
            return (0, null);
        }

        var issued = await invoicing.IssueInvoicesAsync(db, requests, renderedAhead, ct);
        if (renderedAhead is not null)
        {
            logger.RenewalPdfsRenderedAhead(renderedAhead.Taken, renderedAhead.Missed);
        }

        // After a batch that found some of its PDFs guessed wrong (another instance or a change took numbers in between), the
        // next one renders its own, as the first did.
        var nextAhead = next is null || renderedAhead is { Missed: > 0 } ? null
            : invoicing.RenderAhead(token => GuessAsync(next, catalog, token), [.. issued.Select(i => i.Invoice)], ct);
        var versionsRead = renewals.Select(r => r.Subscription).Distinct().ToDictionary(s => s, s => s.Version);
        RenewedPlanCommand.StopTracking(db, versionsRead.Keys);
        foreach (var ((subscription, calc), (invoice, debit)) in renewals.Zip(issued))
        {
            if (debit is null && calc.AmountDue > 0)
            {
                logger.InvoiceAwaitsPaymentWithoutDebit(subscription.PlatformId, invoice.Number);
            }

            subscription.Renew(calc.Period, invoice.Id);
            db.AuditEntries.Add(JobActor.Entry(now.UtcDateTime, subscription.PlatformId, AuditActions.SubscriptionRenewed,
                $"Renewed for {Format(calc.Period)}: invoice {invoice.Number} ({calc.Invoice.Totals.IncludingVat:0.00} € TTC)"
                + (calc.BalanceApplied > 0 ? $", {calc.BalanceApplied:0.00} € from the balance" : "")
                + (debit is null ? "" : $", direct debit of {calc.AmountDue:0.00} € on {calc.CollectionDate:dd/MM/yyyy}") + "."));
        }

        // The batch's new rows go in by one command per table, and the renewed plans by one more: a save would build and
        // prepare a statement for each. The save then writes only the platforms' balances.
        await db.InsertAddedAsync<DirectDebit>(ct);
        await db.InsertAddedAsync<OutboxMessage>(ct);
        await db.InsertAddedAsync<AuditEntry>(ct);
        await using (var plans = RenewedPlanCommand.Create(db))
        {
            foreach (var (subscription, versionRead) in versionsRead)
            {
                await plans.WriteAsync(subscription, versionRead, ct);
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (batchWrites is not null)
        {
            await checkpoints!.AfterCommitAsync(ct);
        }

        return (issued.Count, nextAhead);
    }

    /// <summary>
    /// What <paramref name="subscriptionIds"/> will most likely issue when their batch runs: the same plan, from the rows as
    /// committed now, read without a transaction or a claim (another run, or this one's batch being written, may change them
    /// first; then the PDFs guessed from them are not used).
    /// </summary>
    private async Task<IReadOnlyList<InvoiceRequest>> GuessAsync(int[] subscriptionIds, CatalogCache catalog, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        var subscriptions = await db.Subscriptions.Where(s => subscriptionIds.Contains(s.Id)).ToListAsync(ct);
        return (await PlanAsync(db, subscriptions, subscriptionIds, int.MaxValue, clock.GetUtcNow(), catalog, ct)).Requests;
    }

    /// <summary>
    /// The periods of <paramref name="subscriptions"/> due at <paramref name="now"/> (at most <paramref name="maxPeriods"/> each), in
    /// the order of <paramref name="order"/> and each subscription's periods in date order, each with the invoice it issues. Moves each
    /// platform's balance as its renewals use it.
    /// </summary>
    private static async Task<(List<(Subscription Subscription, RenewalCalculation Calc)> Renewals, List<InvoiceRequest> Requests)> PlanAsync(ApplicationDbContext db,
        IReadOnlyList<Subscription> subscriptions, int[] order, int maxPeriods, DateTimeOffset now, CatalogCache catalog, CancellationToken ct)
    {
        var platformIds = subscriptions.Select(s => s.PlatformId).Distinct().ToList();
        var platforms = await db.Platforms.Where(p => platformIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var mandates = await MandateService.ActiveAsync(db, platformIds, ct);
        var renewals = new List<(Subscription Subscription, RenewalCalculation Calc)>();
        var requests = new List<InvoiceRequest>();
        foreach (var subscription in subscriptions.OrderBy(s => Array.IndexOf(order, s.Id)))
        {
            var platform = platforms[subscription.PlatformId];
            var today = PeriodMath.LocalDate(now, platform.TimeZone);
            if (subscription is not { Plan: { } plan, CancelAtPeriodEnd: false } || platform.Status == PlatformStatus.Closed)
            {
                continue;
            }

            var (offer, settings) = await catalog.GetAsync(db, subscription.OfferCode, ct);
            // A missed period is priced from the one before it and paid from the balance that one left.
            var period = plan.CurrentPeriod;
            for (var periods = 0; periods < maxPeriods && period.End <= today; periods++)
            {
                var calc = QuoteCalculator.Renewal(new RenewalInput(offer, plan.TierMaxContacts, plan.Commitment,
                    plan.AnchorDate, period, today, settings.VatRate, Money.FromCents(platform.BalanceCents), settings.CollectionDelayDays,
                    platform.BillingLanguage));
                platform.SetBalance(Money.ToCents(calc.BalanceAfter));
                renewals.Add((subscription, calc));
                requests.Add(new InvoiceRequest(platform, subscription.Id, $"renewal:{subscription.Id}:{calc.Period.Start:yyyy-MM-dd}", today, now.UtcDateTime,
                    calc.Invoice, new InvoiceCharge(calc.BalanceApplied, calc.AmountDue, calc.CollectionDate), mandates.GetValueOrDefault(platform.Id)));
                period = calc.Period;
            }
        }

        return (renewals, requests);
    }

    /// <summary>
    /// The catalog as one run of the job reads it: each offer's prices and the VAT settings are read once
    /// per run rather than once per renewal (two queries of ten). The catalog changes only by migration. A batch
    /// and the guess of the next one read it at the same time.
    /// </summary>
    private sealed class CatalogCache
    {
        private readonly ConcurrentDictionary<string, OfferPricing> offers = new(StringComparer.Ordinal);
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

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Payments.Dunning;

/// <summary>What one run of the dunning job did.</summary>
/// <param name="Retries">Failed debits presented again (new scheduled debits, for the next pain.008 file).</param>
/// <param name="Transitions">Overdue states recorded: what the admin's emails will be sent from.</param>
public sealed record DunningRun(int Platforms, int Retries, IReadOnlyList<OverdueStateChanged> Transitions);

/// <summary>
/// The dunning job: for each platform with something unpaid after a failed debit, presents the debits that are
/// due again (a new debit on the same invoice, picked up by the next submission), ends pauses that are over and
/// records the platform's overdue state when it changed. Each platform is claimed in its own transaction
/// (<c>FOR NO KEY UPDATE SKIP LOCKED</c> on PostgreSQL), as the submission job claims it: two instances never
/// work on one platform at once, and a debit's retry link is unique, so no retry is ever made twice.
/// </summary>
internal sealed class DunningJob(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    IOptions<DunningOptions> options,
    IPaymentNotifications notifications,
    TimeProvider clock,
    ILogger<DunningJob> logger)
{
    public async Task<DunningRun> RunAsync(CancellationToken ct = default)
    {
        List<int> candidates;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            candidates = await DunningLoader.CandidatePlatformIdsAsync(db, ct);
        }

        int platforms = 0, retries = 0;
        var transitions = new List<OverdueStateChanged>();
        foreach (var platformId in candidates)
        {
            try
            {
                if (await RunForPlatformAsync(platformId, transitions, ct) is { } made)
                {
                    platforms++;
                    retries += made;
                }
            }
            catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.IsUniqueViolation())
            {
                // Another writer got there first (a support agent's retry of the same debit): its row stands.
                logger.DunningLeftToOtherRun(platformId);
            }
        }

        if (retries > 0 || transitions.Count > 0)
        {
            logger.DunningRunDone(retries, transitions.Count, platforms);
        }

        return new DunningRun(platforms, retries, transitions);
    }

    /// <returns>The number of retries made; null when another instance holds the platform.</returns>
    private async Task<int?> RunForPlatformAsync(int platformId, List<OverdueStateChanged> transitions, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.ClaimAsync<Platform>(nameof(Platform.Id), platformId, ct) is not { } platform)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var today = PeriodMath.LocalDate(now, platform.TimeZone);
        var actor = OverdueStatus.JobActor;
        var record = await DunningTransitions.RecordOfAsync(db, platformId, ct);
        if (record.PausedUntil is { } until && record.EndPauseIfOver(today))
        {
            db.AuditEntries.Add(actor.Entry(now.UtcDateTime, platformId, AuditActions.DunningResumed,
                string.Create(CultureInfo.InvariantCulture, $"The pause ended on {until:dd/MM/yyyy}: reminders and new attempts resume.")));
            await db.SaveChangesAsync(ct);
        }

        var facts = (await DunningLoader.LoadAsync(db, [platformId], now, ct))[platformId];
        var assessment = DunningAssessment.Assess(facts, options.Value);
        var delay = (await db.CatalogSettings.AsNoTracking().SingleAsync(ct)).CollectionDelayDays;
        var made = 0;
        foreach (var invoice in assessment.Invoices.Where(i => i.IsDueNow))
        {
            var failed = await db.DirectDebits.SingleAsync(d => d.Id == invoice.LatestDebit.Id, ct);
            var collection = CollectionDates.ForRetry(today, delay);
            var retry = failed.Retry(facts.ActiveMandateId!.Value, collection, now.UtcDateTime);
            db.DirectDebits.Add(retry);
            var why = invoice.Step == DunningStep.PresentUnderNewMandate
                ? $"under the new mandate signed since the bank refused it ({failed.ReasonCode})"
                : $"retry {invoice.RetriesDone + 1} of {options.Value.MaxRetries} after {failed.ReasonCode}, {invoice.Days} days after the first failure";
            db.AuditEntries.Add(actor.Entry(now.UtcDateTime, platformId, AuditActions.DebitRetriedAutomatically,
                string.Create(CultureInfo.InvariantCulture,
                    $"Direct debit of {Money.FromCents(failed.AmountCents):0.00} € for invoice {invoice.Number} presented again, {why}; to be collected on {collection:dd/MM/yyyy}.")));
            made++;
        }

        if (made > 0)
        {
            await db.SaveChangesAsync(ct);
            assessment = DunningAssessment.Assess((await DunningLoader.LoadAsync(db, [platformId], now, ct))[platformId], options.Value);
        }

        if (DunningTransitions.Record(db, record, assessment, actor, now.UtcDateTime, CauseOf(assessment, record.State)) is { } changed)
        {
            transitions.Add(changed);
            await notifications.OverdueStateChangedAsync(db, changed, assessment, ct);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return made;
    }

    /// <summary>What brought the state about, as the job sees it: the bank's answer, the days elapsed, or a payment.</summary>
    private static string? CauseOf(DunningAssessment assessment, OverdueState recorded) => assessment.State switch
    {
        OverdueState.Active when recorded != OverdueState.Active => "the unpaid invoices were paid by direct debit.",
        OverdueState.PaymentFailed => "the bank's answer to the direct debit.",
        OverdueState.Restricted or OverdueState.Suspended => "the days elapsed since the first failure.",
        _ => null,
    };
}

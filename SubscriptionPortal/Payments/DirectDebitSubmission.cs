using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Payments;

/// <summary>
/// Gathers the scheduled direct debits into one batch, hands it to the payment gateway and marks them
/// submitted, in one transaction: the file is stored together with the debits' new status, or neither
/// is. A submitted debit is never picked again, and each debit's status is a concurrency token, so two
/// runs at once cannot put one debit in two files.
/// </summary>
internal sealed class DirectDebitSubmission(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    IPaymentGateway gateway,
    TimeProvider clock,
    ILogger<DirectDebitSubmission> logger)
{
    private static readonly Actor JobActor = Actor.Job("Direct-debit submission");

    /// <summary>Bank dates are the creditor's: Paris.</summary>
    private static readonly TimeZoneInfo CreditorZone = TimeZoneInfo.FindSystemTimeZoneById(Platform.DefaultTimeZone);

    /// <summary>
    /// Submits every scheduled debit in one file; null when there was none to submit. <paramref name="by"/> is who
    /// asked, for the audit log: a support agent's "Submit due debits now", or the periodic job when null.
    /// </summary>
    public async Task<SubmittedFile?> SubmitDueAsync(Actor? by = null, CancellationToken ct = default)
    {
        try
        {
            return await SubmitInTransactionAsync(by ?? JobActor, ct);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.IsUniqueViolation())
        {
            // Another run took these debits (or this message id) first; its file carries them.
            logger.DebitsSubmittedByAnotherRun();
            return null;
        }
    }

    private async Task<SubmittedFile?> SubmitInTransactionAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var candidates = await db.DirectDebits.AsNoTracking().Where(d => d.Status == DirectDebitStatus.Scheduled)
            .Select(d => d.PlatformId).Distinct()
            .ToListAsync(ct);

        // Work is claimed a platform at a time: a platform another instance is submitting for right now is
        // skipped (its debits go in that instance's file). Keeping each platform's debits on one instance at
        // a time is what makes FRST then RCUR right, since the mandate's history is read after the claim.
        var scheduled = new List<DirectDebit>();
        foreach (var platformId in candidates)
        {
            if (await db.ClaimAsync<Platform>(nameof(Platform.Id), platformId, ct) is null)
            {
                continue;
            }

            scheduled.AddRange(await db.DirectDebits.Where(d => d.PlatformId == platformId && d.Status == DirectDebitStatus.Scheduled).ToListAsync(ct));
        }

        scheduled = [.. scheduled.OrderBy(d => d.CollectionDate).ThenBy(d => d.Id)];
        if (scheduled.Count == 0)
        {
            return null;
        }

        var platformIds = scheduled.Select(d => d.PlatformId).Distinct().ToList();
        var activeMandates = (await db.Mandates.Where(m => platformIds.Contains(m.PlatformId) && m.RevokedAtUtc == null).ToListAsync(ct))
            .GroupBy(m => m.PlatformId)
            .ToDictionary(g => g.Key, g => g.MaxBy(m => m.Id)!);
        var ready = new List<DirectDebit>();
        foreach (var debit in scheduled)
        {
            if (!activeMandates.TryGetValue(debit.PlatformId, out var mandate))
            {
                // A revoked mandate cannot be debited; the debit waits for the admin's new one.
                logger.DebitWaitsForMandate(debit.Id, debit.PlatformId);
                continue;
            }

            if (mandate.Id != debit.MandateId)
            {
                debit.UseMandate(mandate.Id);
            }

            ready.Add(debit);
        }

        if (ready.Count == 0)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var today = PeriodMath.LocalDate(now, CreditorZone);
        var mandateIds = ready.Select(d => d.MandateId).Distinct().ToList();
        var withHistory = (await db.DirectDebits
                .Where(d => mandateIds.Contains(d.MandateId) && (d.Status == DirectDebitStatus.Submitted || d.Status == DirectDebitStatus.Collected))
                .Select(d => d.MandateId).Distinct().ToListAsync(ct))
            .ToHashSet();
        var plan = DebitBatchPlanner.Plan(ready.Select(d => new DueDebit(d.Id, d.MandateId, d.CollectionDate)), withHistory, today);

        var invoiceIds = ready.Select(d => d.InvoiceId).ToList();
        var invoiceNumbers = await db.Documents.Where(d => invoiceIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Number, ct);
        var mandates = activeMandates.Values.ToDictionary(m => m.Id);
        var byId = ready.ToDictionary(d => d.Id);
        var instructions = plan.Select(p =>
        {
            var debit = byId[p.DebitId];
            var mandate = mandates[debit.MandateId];
            var number = invoiceNumbers[debit.InvoiceId];
            return new DebitInstruction(debit.Id, number, Money.FromCents(debit.AmountCents), p.CollectionDate, p.SequenceType,
                mandate.Reference, mandate.SignedOn, mandate.AccountHolder, mandate.Iban, $"SubscriptionPortal invoice {number}");
        }).ToList();

        // Numbered after the batch's first debit: a debit goes in one file only, so two instances submitting
        // at the same moment name their files differently (a count of files would give both the same name).
        var messageId = DebitBatchPlanner.MessageId(today, ready.Min(d => d.Id));
        var submission = await gateway.SubmitAsync(new DebitBatchRequest(messageId, now, instructions), ct);
        var controlSumCents = ready.Sum(d => d.AmountCents);
        var file = new DirectDebitFile(messageId, now.UtcDateTime, submission.FileName, submission.ContentType, ready.Count, controlSumCents, submission.Content);
        db.DirectDebitFiles.Add(file);
        await db.SaveChangesAsync(ct);

        foreach (var p in plan)
        {
            var debit = byId[p.DebitId];
            var code = p.SequenceType == Sepa.SequenceType.First ? DirectDebit.First : DirectDebit.Recurring;
            debit.MarkSubmitted(file.Id, code, p.CollectionDate, now.UtcDateTime);
            db.AuditEntries.Add(actor.Entry(now.UtcDateTime, debit.PlatformId, AuditActions.DebitSubmitted,
                string.Create(CultureInfo.InvariantCulture,
                    $"Direct debit of {Money.FromCents(debit.AmountCents):0.00} € for invoice {invoiceNumbers[debit.InvoiceId]} sent to the bank in file {messageId} ({code}), to be collected on {p.CollectionDate:dd/MM/yyyy}.")));
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var controlSum = Money.FromCents(controlSumCents);
        logger.DebitFileProduced(messageId, ready.Count, controlSum);
        return new SubmittedFile(file.Id, messageId, ready.Count, controlSum);
    }
}

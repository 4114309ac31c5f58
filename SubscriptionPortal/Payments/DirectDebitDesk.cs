using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Payments.Sepa;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Payments;

/// <summary>
/// The support console's direct-debit desk: the files sent to the bank, the bank's answer recorded per
/// debit (by hand, or from the bank's pain.002 return file through <see cref="ReturnFileImporter"/>), and failed debits presented again once the
/// mandate is fixed. Every call checks the Support role on the server; every answer is audited on the
/// debit's platform, with the agent as actor.
/// </summary>
internal sealed class DirectDebitDesk(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    DirectDebitSubmission submission,
    ReturnFileImporter importer,
    TimeProvider clock,
    IStringLocalizer<DirectDebitDesk> localizer)
{
    public const int MaxRows = 200;

    public async Task<DebitDeskView?> GetAsync(ClaimsPrincipal user, DirectDebitStatus? status, CancellationToken ct = default)
    {
        if (!user.IsSupportAgent())
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var files = await db.DirectDebitFiles.AsNoTracking()
            .OrderByDescending(f => f.Id).Take(MaxRows)
            .Select(f => new DebitFileRow(f.Id, f.MessageId, f.FileName, f.CreatedAtUtc, f.TransactionCount, f.ControlSumCents * 0.01m,
                db.DirectDebits.Count(d => d.FileId == f.Id && d.Status == DirectDebitStatus.Submitted),
                db.DirectDebits.Count(d => d.FileId == f.Id && d.Status == DirectDebitStatus.Collected),
                db.DirectDebits.Count(d => d.FileId == f.Id && d.Status == DirectDebitStatus.Failed)))
            .ToListAsync(ct);

        var query = db.DirectDebits.AsNoTracking();
        if (status is { } wanted)
        {
            query = query.Where(d => d.Status == wanted);
        }

        var debits = await query.OrderByDescending(d => d.Id).Take(MaxRows)
            .Select(d => new
            {
                Debit = d,
                Platform = db.Platforms.Where(p => p.Id == d.PlatformId).Select(p => p.Name).Single(),
                Invoice = db.Documents.Where(i => i.Id == d.InvoiceId).Select(i => i.Number).Single(),
                File = db.DirectDebitFiles.Where(f => f.Id == d.FileId).Select(f => f.MessageId).SingleOrDefault(),
                WasRetried = db.DirectDebits.Any(r => r.RetryOfDebitId == d.Id),
                ActiveMandateId = db.Mandates.Where(m => m.PlatformId == d.PlatformId && m.RevokedAtUtc == null)
                    .OrderByDescending(m => m.Id).Select(m => (int?)m.Id).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var rows = debits.Select(x =>
            {
                var reason = SepaReturnReason.Find(x.Debit.ReasonCode);
                return new DebitRow(x.Debit.Id, x.Debit.PlatformId, x.Platform, x.Debit.InvoiceId, x.Invoice, Money.FromCents(x.Debit.AmountCents),
                    x.Debit.CollectionDate, x.Debit.Status, x.Debit.SequenceCode, x.File, reason, x.Debit.RetryOfDebitId is not null, x.WasRetried,
                    x.Debit.Status == DirectDebitStatus.Failed ? RetryBlockedReason(reason, x.Debit.MandateId, x.ActiveMandateId) : null);
            })
            .ToList();
        var scheduled = await db.DirectDebits.CountAsync(d => d.Status == DirectDebitStatus.Scheduled, ct);
        return new DebitDeskView(files, rows, scheduled);
    }

    /// <summary>A stored file, for the download endpoint; null when it does not exist or the user is not support.</summary>
    public async Task<DirectDebitFile?> GetFileAsync(ClaimsPrincipal user, int fileId, CancellationToken ct = default)
    {
        if (!user.IsSupportAgent())
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.DirectDebitFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, ct);
    }

    /// <summary>Runs the submission job now rather than at its next tick.</summary>
    public async Task<CommandResult> SubmitNowAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.IsSupportAgent())
        {
            return CommandResult.NotFound();
        }

        var file = await submission.SubmitDueAsync(Actor.From(user), ct);
        return file is null
            ? new CommandResult(CommandStatus.Ok, localizer["NothingDue"])
            : new CommandResult(CommandStatus.Ok, localizer[file.DebitCount == 1 ? "FileProducedOne" : "FileProduced", file.MessageId, file.DebitCount, file.ControlSum]);
    }

    /// <summary>Records that the bank collected a submitted debit: its invoice is paid.</summary>
    public Task<CommandResult> RecordCollectedAsync(ClaimsPrincipal user, int debitId, CancellationToken ct = default) =>
        RecordAsync(user, debitId, DebitAnswer.Collected, null, ct);

    /// <summary>Records that the bank refused a submitted debit, with the SEPA reason code: its invoice stays unpaid.</summary>
    public Task<CommandResult> RecordFailedAsync(ClaimsPrincipal user, int debitId, string reasonCode, CancellationToken ct = default) =>
        RecordAsync(user, debitId, DebitAnswer.Failed, reasonCode, ct);

    /// <summary>
    /// Presents a failed debit again, as a new scheduled debit under the platform's current mandate. When the
    /// bank's reason means the mandate itself is unusable (closed account, no mandate...), the admin must have
    /// signed a new mandate first. Presenting the same failed debit twice does nothing the second time.
    /// </summary>
    public async Task<CommandResult> RetryAsync(ClaimsPrincipal user, int debitId, CancellationToken ct = default)
    {
        if (!user.IsSupportAgent())
        {
            return CommandResult.NotFound();
        }

        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var failed = await db.DirectDebits.SingleOrDefaultAsync(d => d.Id == debitId, ct);
            if (failed is null)
            {
                return CommandResult.NotFound();
            }

            if (await db.DirectDebits.AnyAsync(d => d.RetryOfDebitId == debitId, ct))
            {
                return new CommandResult(CommandStatus.Ok, localizer["AlreadyRetried"]);
            }

            if (failed.Status != DirectDebitStatus.Failed)
            {
                return CommandResult.Invalid(localizer["OnlyFailedRetried"]);
            }

            var mandate = await MandateService.ActiveAsync(db, failed.PlatformId, ct);
            var reason = SepaReturnReason.Find(failed.ReasonCode);
            if (RetryBlockedReason(reason, failed.MandateId, mandate?.Id) is { } blocked)
            {
                return CommandResult.Invalid(blocked);
            }

            var platform = await db.Platforms.SingleAsync(p => p.Id == failed.PlatformId, ct);
            var delay = (await db.CatalogSettings.AsNoTracking().SingleAsync(ct)).CollectionDelayDays;
            var now = clock.GetUtcNow();
            var collection = CollectionDates.ForRetry(PeriodMath.LocalDate(now, platform.TimeZone), delay);
            var retry = failed.Retry(mandate!.Id, collection, now.UtcDateTime);
            db.DirectDebits.Add(retry);
            var invoice = await db.Documents.Where(d => d.Id == failed.InvoiceId).Select(d => d.Number).SingleAsync(ct);
            db.AuditEntries.Add(Actor.From(user).Entry(now.UtcDateTime, failed.PlatformId, AuditActions.DebitRetried,
                string.Create(CultureInfo.InvariantCulture,
                    $"Direct debit of {Money.FromCents(failed.AmountCents):0.00} € for invoice {invoice} presented again under mandate {mandate.Reference}, to be collected on {collection:dd/MM/yyyy}.")));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new CommandResult(CommandStatus.Ok, localizer["Retried", invoice, collection]);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // The same retry (or another live debit of this invoice) was written at the same moment.
            return new CommandResult(CommandStatus.Ok, localizer["AlreadyRetried"]);
        }
    }

    /// <summary>Applies a bank's pain.002 status report to the debits of the file it answers (see <see cref="ReturnFileImporter"/>).</summary>
    public Task<ReturnFileImport> ImportReturnFileAsync(ClaimsPrincipal user, byte[] content, CancellationToken ct = default) =>
        importer.ImportAsync(user, content, ct);

    private async Task<CommandResult> RecordAsync(ClaimsPrincipal user, int debitId, DebitAnswer answer, string? reasonCode, CancellationToken ct)
    {
        if (!user.IsSupportAgent())
        {
            return CommandResult.NotFound();
        }

        if (answer == DebitAnswer.Failed && SepaReturnReason.Find(reasonCode) is null)
        {
            return CommandResult.Invalid(localizer["ChooseReason"]);
        }

        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var debit = await db.DirectDebits.SingleOrDefaultAsync(d => d.Id == debitId, ct);
            if (debit is null)
            {
                return CommandResult.NotFound();
            }

            var invoice = await db.Documents.Where(d => d.Id == debit.InvoiceId).Select(d => d.Number).SingleAsync(ct);
            var outcome = DebitAnswers.Apply(db, debit, answer, reasonCode, invoice, Actor.From(user), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return outcome switch
            {
                DebitAnswerOutcome.Applied => new CommandResult(CommandStatus.Ok, answer == DebitAnswer.Collected
                    ? localizer["RecordedCollected", invoice]
                    : localizer["RecordedFailed", invoice, debit.ReasonCode ?? ""]),
                DebitAnswerOutcome.AlreadyRecorded already => new CommandResult(CommandStatus.Ok, already.Message),
                DebitAnswerOutcome.Refused refused => refused.Result,
                _ => throw new InvalidOperationException($"Unexpected outcome {outcome}."),
            };
        }
        catch (DbUpdateConcurrencyException)
        {
            // Two clicks at once: if the other one recorded this very answer, that is what was asked.
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var debit = await db.DirectDebits.AsNoTracking().SingleAsync(d => d.Id == debitId, ct);
            var same = answer == DebitAnswer.Collected
                ? debit.Status == DirectDebitStatus.Collected
                : debit.Status == DirectDebitStatus.Failed && debit.ReasonCode == SepaReturnReason.Find(reasonCode)!.Code;
            return same ? CommandResult.Ok : CommandResult.Conflict(localizer["Race"]);
        }
    }

    private string? RetryBlockedReason(SepaReturnReason? reason, int failedMandateId, int? activeMandateId)
    {
        if (activeMandateId is null)
        {
            return localizer["NoActiveMandate"];
        }

        return reason is { NeedsNewMandate: true } && activeMandateId == failedMandateId
            ? localizer["NeedsNewMandate", reason.Code, reason.Description.ToLower(CultureInfo.CurrentCulture)].Value
            : null;
    }
}

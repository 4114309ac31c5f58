using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Payments.Sepa;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Payments;

/// <summary>
/// The support console's direct-debit desk: the files sent to the bank, the bank's answer recorded per
/// debit (by hand or from the bank's pain.002 return file), and failed debits presented again once the
/// mandate is fixed. Every call checks the Support role on the server; every answer is audited on the
/// debit's platform, with the agent as actor.
/// </summary>
internal sealed class DirectDebitDesk(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    DirectDebitSubmission submission,
    TimeProvider clock)
{
    public const int MaxRows = 200;

    private const string NotSubmittedMessage = "This debit has not been sent to the bank yet: there is no answer to record.";
    private const string RaceMessage = "Someone recorded an answer for this debit at the same moment. Reload the list to see it.";

    private enum Answer
    {
        Collected,
        Failed,
    }

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

        var file = await submission.SubmitDueAsync(ct);
        return file is null
            ? new CommandResult(CommandStatus.Ok, "No debit was due: no file was produced.")
            : new CommandResult(CommandStatus.Ok, string.Create(CultureInfo.InvariantCulture,
                $"File {file.MessageId} produced: {file.DebitCount} debit{(file.DebitCount == 1 ? "" : "s")}, {file.ControlSum:0.00} € in all."));
    }

    /// <summary>Records that the bank collected a submitted debit: its invoice is paid.</summary>
    public Task<CommandResult> RecordCollectedAsync(ClaimsPrincipal user, int debitId, CancellationToken ct = default) =>
        RecordAsync(user, debitId, Answer.Collected, null, ct);

    /// <summary>Records that the bank refused a submitted debit, with the SEPA reason code: its invoice stays unpaid.</summary>
    public Task<CommandResult> RecordFailedAsync(ClaimsPrincipal user, int debitId, string reasonCode, CancellationToken ct = default) =>
        RecordAsync(user, debitId, Answer.Failed, reasonCode, ct);

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
                return new CommandResult(CommandStatus.Ok, "This debit has already been presented again.");
            }

            if (failed.Status != DirectDebitStatus.Failed)
            {
                return CommandResult.Invalid("Only a failed debit can be presented again.");
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
            db.AuditEntries.Add(Actor.From(user).Entry(now.UtcDateTime, failed.PlatformId, "debit.retried",
                string.Create(CultureInfo.InvariantCulture,
                    $"Direct debit of {Money.FromCents(failed.AmountCents):0.00} € for invoice {invoice} presented again under mandate {mandate.Reference}, to be collected on {collection:dd/MM/yyyy}.")));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new CommandResult(CommandStatus.Ok, $"Invoice {invoice} will be debited again on {collection:dd/MM/yyyy}.");
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // The same retry (or another live debit of this invoice) was written at the same moment.
            return new CommandResult(CommandStatus.Ok, "This debit has already been presented again.");
        }
    }

    /// <summary>
    /// Applies a bank's pain.002 status report to the debits of the file it answers: RJCT marks a debit failed
    /// with its reason code, ACSC collected; other statuses (accepted, pending) change nothing. A report read
    /// twice changes nothing the second time. An unreadable report, or one for an unknown file, changes nothing.
    /// </summary>
    public async Task<ReturnFileImport> ImportReturnFileAsync(ClaimsPrincipal user, byte[] content, CancellationToken ct = default)
    {
        if (!user.IsSupportAgent())
        {
            return new ReturnFileImport(CommandResult.NotFound(), 0, 0, 0, []);
        }

        var read = Pain002Reader.Read(content);
        if (read.Report is not { } report)
        {
            return new ReturnFileImport(CommandResult.Invalid(read.Error!), 0, 0, 0, []);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var file = await db.DirectDebitFiles.AsNoTracking().SingleOrDefaultAsync(f => f.MessageId == report.OriginalMessageId, ct);
        if (file is null)
        {
            return new ReturnFileImport(
                CommandResult.Invalid($"This report answers file {report.OriginalMessageId}, which was never sent from here. Nothing was changed."), 0, 0, 0, []);
        }

        var debits = await db.DirectDebits.Where(d => d.FileId == file.Id).ToListAsync(ct);
        var invoiceIds = debits.Select(d => d.InvoiceId).ToList();
        var numbers = await db.Documents.Where(d => invoiceIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Number, ct);
        var byEndToEnd = debits.ToDictionary(d => numbers[d.InvoiceId], StringComparer.Ordinal);

        var lines = report.Lines.Count == 0 && report.GroupStatus == Pain002Reader.Rejected
            ? byEndToEnd.Keys.Select(id => new BankAnswerLine(id, Pain002Reader.Rejected, report.GroupReasonCode)).ToList()
            : report.Lines;
        int collected = 0, failed = 0, unchanged = 0;
        var problems = new List<string>();
        var actor = Actor.From(user);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var line in lines)
        {
            if (!byEndToEnd.TryGetValue(line.EndToEndId, out var debit))
            {
                problems.Add($"{line.EndToEndId} is not in file {file.MessageId}.");
                continue;
            }

            var answer = line.Status switch
            {
                Pain002Reader.Rejected => Answer.Failed,
                Pain002Reader.SettlementCompleted => Answer.Collected,
                _ => (Answer?)null,
            };
            if (answer is null)
            {
                unchanged++;
                continue;
            }

            // A rejection without a reason code is, for SEPA, a refusal the bank did not explain.
            var outcome = Apply(db, debit, answer.Value, answer == Answer.Failed ? line.ReasonCode ?? "MS03" : null, numbers[debit.InvoiceId], actor, now);
            switch (outcome)
            {
                case { Succeeded: true, Message: null } when answer == Answer.Failed:
                    failed++;
                    break;
                case { Succeeded: true, Message: null }:
                    collected++;
                    break;
                case { Succeeded: true }:
                    unchanged++;
                    break;
                default:
                    problems.Add($"{line.EndToEndId}: {outcome.Message}");
                    break;
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ReturnFileImport(CommandResult.Conflict(RaceMessage + " Nothing was changed by this import."), 0, 0, 0, []);
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Return file for {file.MessageId}: {collected} collected, {failed} failed, {unchanged} unchanged{(problems.Count > 0 ? $", {problems.Count} not applied" : "")}.");
        return new ReturnFileImport(new CommandResult(CommandStatus.Ok, summary), collected, failed, unchanged, problems);
    }

    private async Task<CommandResult> RecordAsync(ClaimsPrincipal user, int debitId, Answer answer, string? reasonCode, CancellationToken ct)
    {
        if (!user.IsSupportAgent())
        {
            return CommandResult.NotFound();
        }

        if (answer == Answer.Failed && SepaReturnReason.Find(reasonCode) is null)
        {
            return CommandResult.Invalid("Choose the reason code the bank gave (four letters or digits, such as AM04). Nothing was changed.");
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
            var outcome = Apply(db, debit, answer, reasonCode, invoice, Actor.From(user), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return outcome is { Succeeded: true, Message: null }
                ? new CommandResult(CommandStatus.Ok, answer == Answer.Collected
                    ? $"Invoice {invoice} is paid: its direct debit is recorded as collected."
                    : $"Invoice {invoice} is unpaid: its direct debit is recorded as failed ({debit.ReasonCode}). The admin sees what to do.")
                : outcome;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Two clicks at once: if the other one recorded this very answer, that is what was asked.
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var debit = await db.DirectDebits.AsNoTracking().SingleAsync(d => d.Id == debitId, ct);
            var same = answer == Answer.Collected
                ? debit.Status == DirectDebitStatus.Collected
                : debit.Status == DirectDebitStatus.Failed && debit.ReasonCode == SepaReturnReason.Find(reasonCode)!.Code;
            return same ? CommandResult.Ok : CommandResult.Conflict(RaceMessage);
        }
    }

    /// <summary>
    /// Records one answer on a tracked debit. Ok without a message when applied; Ok with a message when the
    /// same answer was already recorded (nothing done twice); Invalid or Conflict otherwise.
    /// </summary>
    private static CommandResult Apply(ApplicationDbContext db, DirectDebit debit, Answer answer, string? reasonCode, string invoiceNumber, Actor actor, DateTime now)
    {
        var amount = Money.FromCents(debit.AmountCents).ToString("0.00", CultureInfo.InvariantCulture);
        switch (answer, debit.Status)
        {
            case (_, DirectDebitStatus.Scheduled):
                return CommandResult.Invalid(NotSubmittedMessage);
            case (Answer.Collected, DirectDebitStatus.Submitted):
                debit.MarkCollected(now);
                db.AuditEntries.Add(actor.Entry(now, debit.PlatformId, "debit.collected",
                    $"Direct debit of {amount} € for invoice {invoiceNumber} collected: the invoice is paid."));
                return CommandResult.Ok;
            case (Answer.Failed, DirectDebitStatus.Submitted):
                var reason = SepaReturnReason.Find(reasonCode)!;
                debit.MarkFailed(reason.Code, now);
                db.AuditEntries.Add(actor.Entry(now, debit.PlatformId, "debit.failed",
                    $"Direct debit of {amount} € for invoice {invoiceNumber} failed: {reason.Code} {reason.Description}. The invoice is unpaid."));
                return CommandResult.Ok;
            case (Answer.Collected, DirectDebitStatus.Collected):
                return new CommandResult(CommandStatus.Ok, "Already recorded as collected.");
            case (Answer.Failed, DirectDebitStatus.Failed) when debit.ReasonCode == SepaReturnReason.Find(reasonCode)?.Code:
                return new CommandResult(CommandStatus.Ok, "Already recorded as failed.");
            case (_, DirectDebitStatus.Collected):
                return CommandResult.Conflict("This debit is already recorded as collected; nothing was changed.");
            default:
                return CommandResult.Conflict($"This debit is already recorded as failed ({debit.ReasonCode}); nothing was changed.");
        }
    }

    private static string? RetryBlockedReason(SepaReturnReason? reason, int failedMandateId, int? activeMandateId)
    {
        if (activeMandateId is null)
        {
            return "The platform has no active mandate: the admin must sign one (Settings › Payment method) before the debit is presented again.";
        }

        return reason is { NeedsNewMandate: true } && activeMandateId == failedMandateId
            ? $"The bank refused this debit ({reason.Code}: {reason.Description.ToLowerInvariant()}). Presenting it again on the same mandate would fail: the admin must sign a new mandate first."
            : null;
    }
}

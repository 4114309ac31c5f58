using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SubscriptionPortal.Data;
using SubscriptionPortal.Payments.Sepa;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Payments;

/// <summary>
/// Applies a bank's pain.002 status report to the debits of the file it answers: RJCT marks a debit failed
/// with its reason code, ACSC collected; other statuses (accepted, pending) change nothing. A report read
/// twice changes nothing the second time. An unreadable report, or one for an unknown file, changes nothing.
/// </summary>
internal sealed class ReturnFileImporter(IDbContextFactory<ApplicationDbContext> dbFactory, TimeProvider clock, IStringLocalizer<ReturnFileImporter> localizer)
{
    public async Task<ReturnFileImport> ImportAsync(ClaimsPrincipal user, byte[] content, CancellationToken ct = default)
    {
        if (!user.IsSupportAgent())
        {
            return Refused(CommandResult.NotFound());
        }

        var read = Pain002Reader.Read(content);
        if (read.Report is not { } report)
        {
            return Refused(CommandResult.Invalid(read.Error!));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var file = await db.DirectDebitFiles.AsNoTracking().SingleOrDefaultAsync(f => f.MessageId == report.OriginalMessageId, ct);
        if (file is null)
        {
            return Refused(CommandResult.Invalid(localizer["UnknownFile", report.OriginalMessageId]));
        }

        var debits = await db.DirectDebits.Where(d => d.FileId == file.Id).ToListAsync(ct);
        var invoiceIds = debits.Select(d => d.InvoiceId).ToList();
        var numbers = await db.Documents.Where(d => invoiceIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Number, ct);
        var byEndToEnd = debits.ToDictionary(d => numbers[d.InvoiceId], StringComparer.Ordinal);
        var tally = new Tally();
        var actor = Actor.From(user);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var line in LinesOf(report, byEndToEnd.Keys))
        {
            if (!byEndToEnd.TryGetValue(line.EndToEndId, out var debit))
            {
                tally.Problems.Add(localizer["NotInFile", line.EndToEndId, file.MessageId]);
                continue;
            }

            tally.Count(line, AnswerOf(line) is { } answer
                ? DebitAnswers.Apply(db, debit, answer, answer == DebitAnswer.Failed ? line.ReasonCode ?? DebitAnswers.UnexplainedRefusal : null, numbers[debit.InvoiceId], actor, now)
                : null);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refused(CommandResult.Conflict(localizer["Race"]));
        }

        string summary = tally.Problems.Count > 0
            ? localizer["SummaryWithProblems", file.MessageId, tally.Collected, tally.Failed, tally.Unchanged, tally.Problems.Count]
            : localizer["Summary", file.MessageId, tally.Collected, tally.Failed, tally.Unchanged];
        return new ReturnFileImport(new CommandResult(CommandStatus.Ok, summary), tally.Collected, tally.Failed, tally.Unchanged, tally.Problems);
    }

    private static ReturnFileImport Refused(CommandResult result) => new(result, 0, 0, 0, []);

    // A whole file rejected at group level comes without lines: every debit of the file is refused for the group's reason.
    private static IReadOnlyList<BankAnswerLine> LinesOf(BankStatusReport report, IEnumerable<string> endToEndIds) =>
        report.Lines.Count == 0 && report.GroupStatus == Pain002Reader.Rejected
            ? endToEndIds.Select(id => new BankAnswerLine(id, Pain002Reader.Rejected, report.GroupReasonCode)).ToList()
            : report.Lines;

    private static DebitAnswer? AnswerOf(BankAnswerLine line) => line.Status switch
    {
        Pain002Reader.Rejected => DebitAnswer.Failed,
        Pain002Reader.SettlementCompleted => DebitAnswer.Collected,
        _ => null,
    };

    private sealed class Tally
    {
        public int Collected { get; private set; }

        public int Failed { get; private set; }

        public int Unchanged { get; private set; }

        public List<string> Problems { get; } = [];

        /// <param name="outcome">Null when the line's status is not an answer (accepted, pending).</param>
        public void Count(BankAnswerLine line, DebitAnswerOutcome? outcome)
        {
            switch (outcome)
            {
                case null or DebitAnswerOutcome.AlreadyRecorded:
                    Unchanged++;
                    break;
                case DebitAnswerOutcome.Applied when line.Status == Pain002Reader.Rejected:
                    Failed++;
                    break;
                case DebitAnswerOutcome.Applied:
                    Collected++;
                    break;
                case DebitAnswerOutcome.Refused refused:
                    Problems.Add($"{line.EndToEndId}: {refused.Result.Message}");
                    break;
            }
        }
    }
}

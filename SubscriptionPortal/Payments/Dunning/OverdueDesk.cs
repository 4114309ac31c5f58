using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Payments.Dunning;

/// <summary>
/// Support › Overdue: the platforms with unpaid invoices after a failed debit, oldest debt first, and what an
/// agent can do about one: record a bank transfer, pause dunning until a date, or write the debt off with a
/// credit note. Every call checks the Support role on the server; every action is audited on the platform,
/// with the agent as actor, and the platform's overdue state recorded in the same transaction.
/// </summary>
internal sealed class OverdueDesk(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    DocumentIssuer issuer,
    IPaymentNotifications notifications,
    IOptions<DunningOptions> options,
    TimeProvider clock,
    IStringLocalizer<OverdueDesk> localizer)
{
    public const int MaxTextLength = 140;

    /// <summary>Every platform with something unpaid after a failed debit, oldest debt first; null for a user who is not support.</summary>
    public async Task<IReadOnlyList<OverdueRow>?> ListAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.IsSupportAgent())
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var o = options.Value;
        var facts = await DunningLoader.LoadAsync(db, null, clock.GetUtcNow(), ct);
        var ids = facts.Keys.ToList();
        var names = await db.Platforms.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return facts.Values
            .Select(f => DunningAssessment.Assess(f, options.Value))
            .Where(a => a.Oldest is not null)
            .OrderBy(a => a.Oldest!.DayZero).ThenBy(a => a.PlatformId)
            .Select(a => new OverdueRow(a.PlatformId, names[a.PlatformId], a.State, Money.FromCents(a.UnpaidCents), a.Oldest!.Days,
                a.Oldest.Step, a.Oldest.NextAttemptOn, a.Oldest.RetriesDone + 1, o.MaxRetries,
                a.State switch
                {
                    OverdueState.PaymentFailed => DunningRules.DateOfDay(o.RestrictedAfterDays, a.Oldest.Days, facts[a.PlatformId].Today, a.PausedUntil),
                    OverdueState.Restricted => DunningRules.DateOfDay(o.SuspendedAfterDays, a.Oldest.Days, facts[a.PlatformId].Today, a.PausedUntil),
                    _ => null,
                },
                a.PausedUntil, a.PauseReason,
                a.Invoices.Select(i => new OverdueInvoiceRow(i.InvoiceId, i.Number, Money.FromCents(i.UnpaidCents), i.DayZero, i.Days, i.Step, i.NextAttemptOn,
                    i.LatestDebit.ReasonCode)).ToList()))
            .ToList();
    }

    /// <summary>
    /// Records a bank transfer that pays <paramref name="invoiceId"/>: the amount must be the unpaid amount, received
    /// on a day from the invoice's issue to today, with the bank's reference. A presentation scheduled but not yet
    /// sent is withdrawn; one already at the bank makes it wait for the bank's answer.
    /// </summary>
    public Task<CommandResult> RecordTransferAsync(ClaimsPrincipal user, int platformId, int invoiceId, decimal? amount, DateOnly? receivedOn, string? reference,
        CancellationToken ct = default)
    {
        if (!user.IsSupportAgent())
        {
            return Task.FromResult(CommandResult.NotFound());
        }

        var text = reference?.Trim() ?? "";
        var errors = new Dictionary<string, string>();
        if (amount is not { } a || a <= 0 || !Money.IsWholeCents(a))
        {
            errors["Amount"] = localizer["EnterAmount"];
        }

        if (receivedOn is null)
        {
            errors["ReceivedOn"] = localizer["EnterReceivedOn"];
        }

        if (text.Length is 0 or > MaxTextLength)
        {
            errors["Reference"] = localizer["EnterReference", MaxTextLength];
        }

        if (errors.Count > 0)
        {
            return Task.FromResult(CommandResult.Invalid(string.Join(" ", [.. errors.Values, localizer["NothingRecorded"].Value]), errors));
        }

        return SettleAsync(user, platformId, invoiceId, async (db, invoice, unpaid, actor, now, today) =>
        {
            var cents = Money.ToCents(amount!.Value);
            if (cents != unpaid.UnpaidCents)
            {
                return CommandResult.Invalid(localizer["WrongAmount", invoice.Number, Money.FromCents(unpaid.UnpaidCents), amount]);
            }

            if (receivedOn!.Value > today || receivedOn.Value < invoice.IssueDate)
            {
                return CommandResult.Invalid(localizer["ReceivedOnOutOfRange", invoice.IssueDate]);
            }

            db.InvoiceSettlements.Add(InvoiceSettlement.Transfer(platformId, invoice.Id, cents, receivedOn.Value, text, actor.Email, now));
            db.AuditEntries.Add(actor.Entry(now, platformId, AuditActions.TransferRecorded, string.Create(CultureInfo.InvariantCulture,
                $"Bank transfer of {amount:0.00} € received on {receivedOn:dd/MM/yyyy} (reference {text}) recorded: invoice {invoice.Number} is paid.")));
            await Task.CompletedTask;
            return new CommandResult(CommandStatus.Ok, localizer["PaidByTransfer", invoice.Number, text]);
        }, "a bank transfer recorded by support", ct);
    }

    /// <summary>
    /// Writes an unpaid invoice off: a credit note for the unpaid amount (VAT at the invoice's rate) with the reason,
    /// and the invoice counts as settled.
    /// </summary>
    public Task<CommandResult> WriteOffAsync(ClaimsPrincipal user, int platformId, int invoiceId, string? reason, CancellationToken ct = default)
    {
        if (!user.IsSupportAgent())
        {
            return Task.FromResult(CommandResult.NotFound());
        }

        var text = reason?.Trim() ?? "";
        if (text.Length is 0 or > MaxTextLength)
        {
            return Task.FromResult(CommandResult.Invalid(localizer["GiveWriteOffReason", MaxTextLength],
                new Dictionary<string, string> { ["Reason"] = localizer["EnterReason"] }));
        }

        return SettleAsync(user, platformId, invoiceId, async (db, invoice, unpaid, actor, now, today) =>
        {
            var platform = await db.Platforms.SingleAsync(p => p.Id == platformId, ct);
            var rate = invoice.VatRateBasisPoints / 10000m;
            var split = WriteOffAmounts.Split(Money.FromCents(unpaid.UnpaidCents), rate);
            var description = LineText.WrittenOff(platform.BillingLanguage, invoice.Number);
            var period = new BillingPeriod(invoice.PeriodStart, invoice.PeriodEnd);
            var creditNote = await issuer.IssueAsync(db, new DocumentDraft(
                DocumentKind.CreditNote, platformId, invoice.SubscriptionId, $"write-off:{invoice.Id}", today, now,
                period, DocumentBuyers.Of(platform),
                [new BillingLine(description, period, 1, split.ExcludingVat, split.ExcludingVat)],
                VatAmounts.FromSplit(split.ExcludingVat, rate, split.Vat), 0m, 0m,
                new CorrectedDocument(invoice.Id, invoice.Number, invoice.IssueDate),
                LineText.WriteOffReason(platform.BillingLanguage, text),
                DirectDebit: null), ct);
            db.InvoiceSettlements.Add(InvoiceSettlement.WriteOff(platformId, invoice.Id, unpaid.UnpaidCents, today, text, creditNote.Id, actor.Email, now));
            await notifications.DebtWrittenOffAsync(db, creditNote, invoice.Number, ct);
            db.AuditEntries.Add(actor.Entry(now, platformId, AuditActions.DebtWrittenOff, string.Create(CultureInfo.InvariantCulture,
                $"Unpaid {split.IncludingVat:0.00} € of invoice {invoice.Number} written off with credit note {creditNote.Number}: {text}.")));
            return new CommandResult(CommandStatus.Ok, localizer["WrittenOff", invoice.Number, creditNote.Number]);
        }, "a write-off by support", ct);
    }

    /// <summary>Pauses every dunning step of a platform (retries, escalation) until <paramref name="until"/>, when it resumes.</summary>
    public async Task<CommandResult> PauseAsync(ClaimsPrincipal user, int platformId, DateOnly? until, string? reason, CancellationToken ct = default)
    {
        if (!user.IsSupportAgent())
        {
            return CommandResult.NotFound();
        }

        var text = reason?.Trim() ?? "";
        if (text.Length is 0 or > MaxTextLength || until is null)
        {
            return CommandResult.Invalid(localizer["GivePause", MaxTextLength]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.LockAsync<Platform>(nameof(Platform.Id), platformId, ct) is not { } platform)
        {
            return CommandResult.NotFound();
        }

        var now = clock.GetUtcNow();
        var today = PeriodMath.LocalDate(now, platform.TimeZone);
        if (until.Value <= today || until.Value > today.AddDays(365))
        {
            return CommandResult.Invalid(localizer["PauseRange"]);
        }

        var record = await DunningTransitions.RecordOfAsync(db, platformId, ct);
        record.EndPauseIfOver(today);
        if ((await DunningLoader.LoadAsync(db, [platformId], now, ct))[platformId].UnpaidInvoices.Count == 0)
        {
            return CommandResult.Invalid(localizer["NothingToPause", platform.Name]);
        }

        record.Pause(today, until.Value, text);
        db.AuditEntries.Add(Actor.From(user).Entry(now.UtcDateTime, platformId, AuditActions.DunningPaused,
            $"Reminders and new attempts paused until {until:dd/MM/yyyy}: {text}."));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new CommandResult(CommandStatus.Ok, localizer["Paused", platform.Name, until]);
    }

    private delegate Task<CommandResult> Settlement(ApplicationDbContext db, BillingDocument invoice, InvoiceDunning unpaid, Actor actor, DateTime now, DateOnly today);

    /// <summary>
    /// The common part of a transfer and a write-off: in one transaction, with the platform's row locked (so the
    /// dunning and submission jobs leave it alone meanwhile), checks the invoice is unpaid, withdraws a presentation
    /// not yet sent, settles, and records the platform's new state.
    /// </summary>
    private async Task<CommandResult> SettleAsync(ClaimsPrincipal user, int platformId, int invoiceId, Settlement settle, string cause, CancellationToken ct)
    {
        if (!user.IsSupportAgent())
        {
            return CommandResult.NotFound();
        }

        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (await db.LockAsync<Platform>(nameof(Platform.Id), platformId, ct) is not { } platform)
            {
                return CommandResult.NotFound();
            }

            var invoice = await db.Documents.SingleOrDefaultAsync(d => d.Id == invoiceId && d.PlatformId == platformId && d.Kind == DocumentKind.Invoice, ct);
            if (invoice is null)
            {
                return CommandResult.NotFound();
            }

            var now = clock.GetUtcNow();
            var facts = (await DunningLoader.LoadAsync(db, [platformId], now, ct))[platformId];
            var before = DunningAssessment.Assess(facts, options.Value);
            if (before.Invoices.SingleOrDefault(i => i.InvoiceId == invoiceId) is not { } unpaid)
            {
                return CommandResult.Invalid(localizer["NotUnpaid"]);
            }

            if (unpaid.LatestDebit.Status == DirectDebitStatus.Submitted)
            {
                return CommandResult.Conflict(localizer["DebitAtBank", invoice.Number]);
            }

            var actor = Actor.From(user);
            if (unpaid.LatestDebit.Status == DirectDebitStatus.Scheduled)
            {
                // Never sent: withdrawn, so the invoice is not collected a second time.
                db.DirectDebits.Remove(await db.DirectDebits.SingleAsync(d => d.Id == unpaid.LatestDebit.Id, ct));
                db.AuditEntries.Add(actor.Entry(now.UtcDateTime, platformId, AuditActions.DebitWithdrawn, string.Create(CultureInfo.InvariantCulture,
                    $"The presentation of invoice {invoice.Number} planned on {unpaid.LatestDebit.CollectionDate:dd/MM/yyyy} is withdrawn before reaching the bank: the invoice is settled otherwise.")));
            }

            var today = PeriodMath.LocalDate(now, platform.TimeZone);
            var result = await settle(db, invoice, unpaid, actor, now.UtcDateTime, today);
            if (!result.Succeeded)
            {
                return result;
            }

            await db.SaveChangesAsync(ct);
            var record = await DunningTransitions.RecordOfAsync(db, platformId, ct);
            var after = DunningAssessment.Assess((await DunningLoader.LoadAsync(db, [platformId], now, ct))[platformId], options.Value);
            // The move back to active is recorded here, by the agent; its OverdueStateChanged event is where the
            // admin's "paid" email will come from once the portal sends emails.
            DunningTransitions.Record(db, record, after, actor, now.UtcDateTime, $"{cause} for invoice {invoice.Number}.");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return result;
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation() || ex is DbUpdateConcurrencyException)
        {
            return CommandResult.Conflict(localizer["SettledMeanwhile"]);
        }
    }
}

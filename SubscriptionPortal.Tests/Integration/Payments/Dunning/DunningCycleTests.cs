using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Payments.Dunning;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Platforms.Export;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Tests.Integration.Payments.Dunning;

/// <summary>A platform driven through the whole dunning cycle on a fake clock, checked at each step.</summary>
public sealed class DunningCycleTests
{
    private static readonly DateOnly Day0 = new(2026, 3, 20);
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task InsufficientFunds_RetriedAtDay5And12_RestrictedAt15_SuspendedAt30_ActiveAgainWhenSupportRecordsATransfer()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", Day0);
        var first = await database.SubmitAndFailAsync(platformId, "AM04");
        var invoiceId = first.InvoiceId;
        var invoice = await database.InvoiceNumberAsync(invoiceId);

        // Day 0: payment failed, the banner gives the amount and the first retry's day.
        var run = await database.RunDunningOnAsync(Day0);
        Assert.Equal(0, run.Retries);
        var transition = Assert.Single(run.Transitions);
        Assert.Equal((OverdueState.Active, OverdueState.PaymentFailed), (transition.From, transition.To));
        var notices = (await database.Get<PlatformNotices>().GetAsync(admin))!;
        Assert.Equal((OverdueState.PaymentFailed, 48.00m, Day0.AddDays(5)), (notices.Overdue!.State, notices.Overdue.Amount, notices.Overdue.NextAttemptOn));
        Assert.Equal((invoice, Day0.AddDays(5)), (notices.FailedDebits.Single().InvoiceNumber, notices.FailedDebits.Single().NextAttemptOn));
        var row = (await database.Get<DocumentQueries>().ListAsync(admin)).Rows.Single(r => r.Id == invoiceId);
        Assert.Equal((DocumentStatus.DebitFailed, (DateOnly?)Day0.AddDays(5)), (row.Status, row.NextAttemptOn));
        Assert.Equal(0, (await database.Get<DunningJob>().RunAsync()).Retries);

        // Day 4: not yet.
        Assert.Equal(0, (await database.RunDunningOnAsync(Day0.AddDays(4))).Retries);
        Assert.Single(await database.DebitsOfAsync(platformId));

        // Day 5: the first retry, a new debit of the same invoice, goes in the next file as FRST (the only earlier debit failed).
        Assert.Equal(1, (await database.RunDunningOnAsync(Day0.AddDays(5))).Retries);
        Assert.Equal(0, (await database.Get<DunningJob>().RunAsync()).Retries);
        var retry1 = (await database.DebitsOfAsync(platformId))[^1];
        Assert.Equal((first.Id, invoiceId, 4800L, DirectDebitStatus.Scheduled), (retry1.RetryOfDebitId, retry1.InvoiceId, retry1.AmountCents, retry1.Status));
        await database.SubmitAndFailAsync(platformId, "AM04");
        Assert.Equal(DirectDebit.First, (await database.DebitsOfAsync(platformId))[^1].SequenceCode);
        Assert.Equal(0, (await database.RunDunningOnAsync(Day0.AddDays(11))).Retries);
        Assert.Equal(OverdueState.PaymentFailed, await database.RecordedStateAsync(platformId));

        // Day 12: the second and last retry.
        Assert.Equal(1, (await database.RunDunningOnAsync(Day0.AddDays(12))).Retries);
        var retry2 = (await database.DebitsOfAsync(platformId))[^1];
        Assert.Equal((retry1.Id, invoiceId), (retry2.RetryOfDebitId, retry2.InvoiceId));
        await database.SubmitAndFailAsync(platformId, "AM04");
        Assert.Equal(0, (await database.RunDunningOnAsync(Day0.AddDays(14))).Retries);
        Assert.Equal(OverdueState.PaymentFailed, await database.RecordedStateAsync(platformId));
        Assert.Equal(DunningStep.RetriesExhausted, (await database.OverdueRowAsync(platformId)).NextStep);
        Assert.Equal(DocumentStatus.Overdue, await database.InvoiceStatusAsync(admin, invoiceId));

        // Day 15: restricted; a plan change is refused, saying why.
        run = await database.RunDunningOnAsync(Day0.AddDays(15));
        Assert.Equal(OverdueState.Restricted, Assert.Single(run.Transitions).To);
        var refused = await database.Get<SubscriptionChanges>().QuoteAsync(admin, new ChangeTarget(CatalogSeed.Professional, 250, Commitment.Monthly));
        var message = Assert.IsType<QuoteOutcome.Refused>(refused).Message;
        Assert.Contains($"Invoice {invoice} has been unpaid for 15 days", message);
        Assert.Contains("cannot change until it is paid", message);
        var offers = await database.Get<OfferChoiceQueries>().GetOfferChoicesAsync(admin);
        Assert.All(offers!.Offers, o => Assert.Contains("cannot change until it is paid", o.UnavailableReason));
        Assert.Equal(OverdueState.Restricted, (await database.Get<PlatformNotices>().GetAsync(admin))!.Overdue!.State);

        // Day 30: suspended, read-only like a closed platform; invoices and the export still work.
        Assert.Empty((await database.RunDunningOnAsync(Day0.AddDays(29))).Transitions);
        run = await database.RunDunningOnAsync(Day0.AddDays(30));
        Assert.Equal(OverdueState.Suspended, Assert.Single(run.Transitions).To);
        var organization = await database.Get<OrganizationSettings>().GetAsync(admin);
        Assert.NotNull(organization!.SuspendedMessage);
        var save = await database.Get<OrganizationSettings>().SaveAsync(admin, organization.Form);
        Assert.Equal(CommandStatus.Invalid, save.Status);
        Assert.Contains("suspended", save.Message);
        Assert.Equal(CommandStatus.Invalid, (await database.Get<SubscriptionLifecycle>().CancelAsync(admin)).Status);
        Assert.Contains("suspended", Assert.IsType<QuoteOutcome.Refused>(
            await database.Get<SubscriptionChanges>().QuoteAsync(admin, new ChangeTarget(CatalogSeed.Professional, 250, Commitment.Monthly))).Message);
        Assert.NotEmpty((await database.Get<DocumentQueries>().ListAsync(admin)).Rows);
        var export = (await database.Get<PlatformExport>().GetSummaryAsync(admin))!;
        using (var zip = new MemoryStream())
        {
            await database.Get<PlatformExport>().WriteAsync(export, Actor.From(admin), zip, null);
            Assert.True(zip.Length > 0);
        }

        // Support records the transfer: paid, active again at once, the banner gone.
        var transfer = await database.Get<OverdueDesk>().RecordTransferAsync(DunningWorld.Agent, platformId, invoiceId, 48.00m, Day0.AddDays(29), "VIR-2026-0042");
        Assert.True(transfer.Succeeded, transfer.Message);
        Assert.Equal(OverdueState.Active, await database.RecordedStateAsync(platformId));
        Assert.Equal(OverdueState.Active, await database.LiveStateAsync(platformId));
        notices = (await database.Get<PlatformNotices>().GetAsync(admin))!;
        Assert.Null(notices.Overdue);
        Assert.Empty(notices.FailedDebits);
        Assert.Equal(DocumentStatus.Paid, await database.InvoiceStatusAsync(admin, invoiceId));
        Assert.DoesNotContain((await database.Get<OverdueDesk>().ListAsync(DunningWorld.Agent))!, r => r.PlatformId == platformId);
        Assert.IsType<QuoteOutcome.Quoted>(await database.Get<SubscriptionChanges>().QuoteAsync(admin, new ChangeTarget(CatalogSeed.Professional, 250, Commitment.Monthly)));
        Assert.Empty((await database.Get<DunningJob>().RunAsync()).Transitions);

        // Three debits in all for the invoice, and every step in Activity with who or what caused it.
        Assert.Equal(3, (await database.DebitsOfAsync(platformId)).Count(d => d.InvoiceId == invoiceId));
        var states = await database.ActivityAsync(platformId, AuditActions.OverdueStateChanged);
        Assert.Equal(["Dunning", "Dunning", "Dunning", "agent@support.test"], states.Select(s => s.ActorEmail));
        Assert.Collection(states,
            s => Assert.StartsWith($"Payment failed: invoice {invoice} is unpaid (48.00 € due)", s.Details),
            s => Assert.StartsWith($"Restricted: invoice {invoice} unpaid for 15 days", s.Details),
            s => Assert.StartsWith($"Suspended: invoice {invoice} unpaid for 30 days", s.Details),
            s => Assert.StartsWith("Active again", s.Details));
        Assert.Contains("bank transfer recorded by support", states[^1].Details);
        var retried = await database.ActivityAsync(platformId, AuditActions.DebitRetriedAutomatically);
        Assert.Equal(["retry 1 of 2", "retry 2 of 2"], retried.Select(r => r.Details[(r.Details.IndexOf("retry ", StringComparison.Ordinal))..][..12]));
        Assert.All(retried, r => Assert.Equal("Dunning", r.ActorEmail));
        var recorded = Assert.Single(await database.ActivityAsync(platformId, AuditActions.TransferRecorded));
        Assert.Contains("VIR-2026-0042", recorded.Details);
        Assert.Equal("agent@support.test", recorded.ActorEmail);
    }

    [Fact]
    public async Task ClosedAccount_IsNeverRetried_ThenANewMandateGetsOneNewFirstPresentation()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", Day0);
        var failed = await database.SubmitAndFailAsync(platformId, "AC04");

        foreach (var day in new[] { 0, 5, 12, 20 })
        {
            Assert.Equal(0, (await database.RunDunningOnAsync(Day0.AddDays(day))).Retries);
        }

        Assert.Single(await database.DebitsOfAsync(platformId));
        var notices = (await database.Get<PlatformNotices>().GetAsync(admin))!;
        Assert.Null(notices.Overdue!.NextAttemptOn);
        Assert.True(notices.FailedDebits.Single().Reason.NeedsNewMandate);
        Assert.Equal(DunningStep.WaitingForNewMandate, (await database.OverdueRowAsync(platformId)).NextStep);
        Assert.Equal(OverdueState.Restricted, await database.RecordedStateAsync(platformId));

        var signed = await database.Get<MandateService>().SignAsync(admin, new MandateForm { AccountHolder = "Chorale", Iban = "FR1420041010050500013M02606", Authorised = true });
        Assert.True(signed.Succeeded, signed.Message);
        var runs = new[] { await database.RunDunningOnAsync(Day0.AddDays(21)), await database.Get<DunningJob>().RunAsync() };
        Assert.Equal(1, runs.Sum(r => r.Retries));
        Assert.NotNull(await database.Get<DirectDebitSubmission>().SubmitDueAsync());

        var debits = await database.DebitsOfAsync(platformId);
        Assert.Equal(2, debits.Count);
        await using var db = database.CreateContext();
        var mandate = await db.Mandates.SingleAsync(m => m.PlatformId == platformId && m.RevokedAtUtc == null);
        Assert.Equal((failed.Id, mandate.Id, DirectDebit.First, DirectDebitStatus.Submitted), (debits[1].RetryOfDebitId, debits[1].MandateId, debits[1].SequenceCode, debits[1].Status));
        Assert.Contains("under the new mandate", Assert.Single(await database.ActivityAsync(platformId, AuditActions.DebitRetriedAutomatically)).Details);

        // The new mandate's debit is collected: active again, recorded as the job's doing.
        Assert.True((await database.Get<DirectDebitDesk>().RecordCollectedAsync(DunningWorld.Agent, debits[1].Id)).Succeeded);
        var back = Assert.Single((await database.Get<DunningJob>().RunAsync()).Transitions);
        Assert.Equal((OverdueState.Restricted, OverdueState.Active), (back.From, back.To));
        Assert.Contains("paid by direct debit", back.Details);
        Assert.Equal(DocumentStatus.Paid, await database.InvoiceStatusAsync(admin, failed.InvoiceId));
    }

    [Fact]
    public async Task Pause_HoldsEveryStepUntilItsDate_ThenTheScheduleResumesWithoutThePausedDays()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", Day0);
        await database.SubmitAndFailAsync(platformId, "AM04");
        await database.RunDunningOnAsync(Day0.AddDays(2));

        var paused = await database.Get<OverdueDesk>().PauseAsync(DunningWorld.Agent, platformId, Day0.AddDays(22), "Treasurer in hospital, pays on return");
        Assert.True(paused.Succeeded, paused.Message);
        Assert.Equal(Day0.AddDays(25), (await database.Get<PlatformNotices>().GetAsync(admin))!.Overdue!.NextAttemptOn);

        // Days 2 to 21 are paused: no retry at day 5 or 12, no restriction at day 15.
        foreach (var day in new[] { 5, 12, 15, 21 })
        {
            var run = await database.RunDunningOnAsync(Day0.AddDays(day));
            Assert.Equal(0, run.Retries);
            Assert.Empty(run.Transitions);
            Assert.Equal(OverdueState.PaymentFailed, await database.LiveStateAsync(platformId));
        }

        Assert.Single(await database.DebitsOfAsync(platformId));
        Assert.IsType<QuoteOutcome.Quoted>(await database.Get<SubscriptionChanges>().QuoteAsync(admin, new ChangeTarget(CatalogSeed.Professional, 250, Commitment.Monthly)));

        // Resumed on day 22 (2 days counted): the first retry comes 3 counted days later, on day 25.
        Assert.Equal(0, (await database.RunDunningOnAsync(Day0.AddDays(22))).Retries);
        Assert.Single(await database.ActivityAsync(platformId, AuditActions.DunningResumed));
        Assert.Equal(0, (await database.RunDunningOnAsync(Day0.AddDays(24))).Retries);
        Assert.Equal(1, (await database.RunDunningOnAsync(Day0.AddDays(25))).Retries);
        Assert.Equal(OverdueState.PaymentFailed, await database.LiveStateAsync(platformId));

        var pauseEntry = Assert.Single(await database.ActivityAsync(platformId, AuditActions.DunningPaused));
        Assert.Equal("agent@support.test", pauseEntry.ActorEmail);
        Assert.Contains("Treasurer in hospital", pauseEntry.Details);
    }

    [Fact]
    public async Task Pause_StillRecordedOnceTheDebtIsPaid_LeavesThePlatformActiveAndItsPlanFreeToChange()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", Day0);
        var failed = await database.SubmitAndFailAsync(platformId, "AM04");
        Assert.True((await database.Get<OverdueDesk>().PauseAsync(DunningWorld.Agent, platformId, Day0.AddDays(22), "Pays by transfer")).Succeeded);
        Assert.True((await database.Get<OverdueDesk>().RecordTransferAsync(DunningWorld.Agent, platformId, failed.InvoiceId, 48.00m, Day0, "VIR-7")).Succeeded);

        await using (var db = database.CreateContext())
        {
            Assert.Equal(Day0.AddDays(22), await db.PlatformDunnings.Where(d => d.PlatformId == platformId).Select(d => d.PausedUntil).SingleAsync());
            // Nothing unpaid: the one-query answer, and the full assessment it stands for, agree.
            Assert.Null(await database.Get<OverdueStatus>().PlanChangeRefusalAsync(db, platformId));
            Assert.Null(await database.Get<OverdueStatus>().ReadOnlyRefusalAsync(db, platformId));
            Assert.Equal(OverdueState.Active, (await database.Get<OverdueStatus>().AssessAsync(db, platformId)).State);
        }

        Assert.IsType<QuoteOutcome.Quoted>(await database.Get<SubscriptionChanges>().QuoteAsync(admin, new ChangeTarget(CatalogSeed.Professional, 250, Commitment.Monthly)));
    }

    [Fact]
    public async Task Pause_WithoutReasonOrInThePast_IsRefusedAndChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, _) = await database.PaidPlatformAsync("Chorale", Day0);
        await database.SubmitAndFailAsync(platformId, "AM04");

        var noReason = await database.Get<OverdueDesk>().PauseAsync(DunningWorld.Agent, platformId, Day0.AddDays(10), "  ");
        var past = await database.Get<OverdueDesk>().PauseAsync(DunningWorld.Agent, platformId, Day0, "Already over");

        Assert.Equal((CommandStatus.Invalid, CommandStatus.Invalid), (noReason.Status, past.Status));
        Assert.Empty(await database.ActivityAsync(platformId, AuditActions.DunningPaused));
        Assert.Null((await database.OverdueRowAsync(platformId)).PausedUntil);
    }

    [Fact]
    public async Task Transfer_OfAnotherAmount_IsRefusedAndChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", Day0);
        var failed = await database.SubmitAndFailAsync(platformId, "AM04");

        var tooLittle = await database.Get<OverdueDesk>().RecordTransferAsync(DunningWorld.Agent, platformId, failed.InvoiceId, 47.99m, Day0, "VIR-1");
        var noReference = await database.Get<OverdueDesk>().RecordTransferAsync(DunningWorld.Agent, platformId, failed.InvoiceId, 48.00m, Day0, "");
        var future = await database.Get<OverdueDesk>().RecordTransferAsync(DunningWorld.Agent, platformId, failed.InvoiceId, 48.00m, Day0.AddDays(1), "VIR-1");
        var asAdmin = await database.Get<OverdueDesk>().RecordTransferAsync(admin, platformId, failed.InvoiceId, 48.00m, Day0, "VIR-1");

        Assert.Contains("48.00 € unpaid", tooLittle.Message);
        Assert.Equal([CommandStatus.Invalid, CommandStatus.Invalid, CommandStatus.Invalid, CommandStatus.NotFound],
            new[] { tooLittle, noReference, future, asAdmin }.Select(r => r.Status));
        Assert.Equal(OverdueState.PaymentFailed, await database.LiveStateAsync(platformId));
        Assert.Empty(await database.ActivityAsync(platformId, AuditActions.TransferRecorded));
    }

    [Fact]
    public async Task Transfer_WhileARetryIsScheduled_WithdrawsIt_SoTheInvoiceIsNotCollectedTwice()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", Day0);
        var failed = await database.SubmitAndFailAsync(platformId, "AM04");
        await database.RunDunningOnAsync(Day0.AddDays(5));
        Assert.Equal(DirectDebitStatus.Scheduled, (await database.DebitsOfAsync(platformId))[^1].Status);

        var transfer = await database.Get<OverdueDesk>().RecordTransferAsync(DunningWorld.Agent, platformId, failed.InvoiceId, 48.00m, Day0.AddDays(5), "VIR-7");

        Assert.True(transfer.Succeeded, transfer.Message);
        Assert.Equal([failed.Id], (await database.DebitsOfAsync(platformId)).Select(d => d.Id));
        Assert.Null(await database.Get<DirectDebitSubmission>().SubmitDueAsync());
        Assert.Single(await database.ActivityAsync(platformId, AuditActions.DebitWithdrawn));
        Assert.Equal(DocumentStatus.Paid, await database.InvoiceStatusAsync(admin, failed.InvoiceId));
    }

    [Fact]
    public async Task WriteOff_IssuesACreditNoteForTheUnpaidAmount_NumberedWithoutGaps_AndReturnsThePlatformToActive()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", Day0);
        var failed = await database.SubmitAndFailAsync(platformId, "AM04");
        // An earlier credit note on another platform, so the write-off's number must follow it.
        var (otherId, otherAdmin) = await database.PaidPlatformAsync("Club", Day0);
        Assert.IsType<ChangeOutcome.Applied>(await database.Get<SubscriptionChanges>().ApplyAsync(otherId,
            new ChangeTarget(CatalogSeed.Professional, 250, Commitment.Monthly), Day0, Actor.From(otherAdmin)));
        await database.RunDunningOnAsync(Day0.AddDays(16));
        Assert.Equal(OverdueState.Restricted, await database.RecordedStateAsync(platformId));

        var noReason = await database.Get<OverdueDesk>().WriteOffAsync(DunningWorld.Agent, platformId, failed.InvoiceId, " ");
        var written = await database.Get<OverdueDesk>().WriteOffAsync(DunningWorld.Agent, platformId, failed.InvoiceId, "Association dissolved");
        var again = await database.Get<OverdueDesk>().WriteOffAsync(DunningWorld.Agent, platformId, failed.InvoiceId, "Association dissolved");

        Assert.Equal(CommandStatus.Invalid, noReason.Status);
        Assert.True(written.Succeeded, written.Message);
        Assert.Equal(CommandStatus.Invalid, again.Status);
        await using var db = database.CreateContext();
        var credits = await db.Documents.AsNoTracking().Where(d => d.Kind == DocumentKind.CreditNote).OrderBy(d => d.Id).ToListAsync();
        Assert.Equal(["A-2026-000001", "A-2026-000002"], credits.Select(c => c.Number));
        var creditNote = credits[^1];
        Assert.Equal((platformId, failed.InvoiceId, 4000L, 800L), (creditNote.PlatformId, creditNote.CorrectsDocumentId, creditNote.TotalExcludingVatCents, creditNote.VatCents));
        var pdf = Unit.Billing.Pdf.PdfReadBack.Of(creditNote.Pdf).Flat;
        var invoice = await database.InvoiceNumberAsync(failed.InvoiceId);
        Assert.Contains("A-2026-000002", pdf);
        // The platform bills in French: the line and the reason are written in French, the agent's words as typed.
        Assert.Contains($"Montant impayé de la facture {invoice} passé en perte", pdf);
        Assert.Contains("Créance abandonnée : Association dissolved", pdf);
        Assert.DoesNotContain("written off", pdf, StringComparison.Ordinal);
        Assert.Contains("48,00", pdf); // the platform bills in French, its default
        Assert.Equal(creditNote.PdfSha256, StoredBytes.Sha256(creditNote.Pdf));

        Assert.Equal(OverdueState.Active, await database.RecordedStateAsync(platformId));
        Assert.Null((await database.Get<PlatformNotices>().GetAsync(admin))!.Overdue);
        Assert.Equal(DocumentStatus.WrittenOff, await database.InvoiceStatusAsync(admin, failed.InvoiceId));
        var entry = Assert.Single(await database.ActivityAsync(platformId, AuditActions.DebtWrittenOff));
        Assert.Contains("A-2026-000002", entry.Details);
        Assert.Contains("Association dissolved", entry.Details);
        Assert.Contains("a write-off by support", (await database.ActivityAsync(platformId, AuditActions.OverdueStateChanged))[^1].Details);
    }
}

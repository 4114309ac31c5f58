using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Tests.Unit.Payments.Sepa;

namespace SubscriptionPortal.Tests.Integration.Payments;

public sealed class DirectDebitDeskTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 20);

    [Fact]
    public async Task FailedDebit_LeavesTheInvoiceUnpaid_ShowsTheAdminWhatToDo_AndIsNeverSubmittedAgain()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", Today);
        await database.Get<DirectDebitSubmission>().SubmitDueAsync();
        var debit = await database.DebitOfAsync(platformId);

        var failed = await database.Get<DirectDebitDesk>().RecordFailedAsync(DirectDebitWorld.Agent, debit.Id, "AM04");
        var resubmitted = await database.Get<DirectDebitSubmission>().SubmitDueAsync();

        Assert.True(failed.Succeeded, failed.Message);
        Assert.Null(resubmitted);
        Assert.Equal(DocumentStatus.DebitFailed, await database.InvoiceStatusAsync(admin, debit.InvoiceId));
        var stored = await database.DebitOfAsync(platformId);
        Assert.Equal((DirectDebitStatus.Failed, "AM04"), (stored.Status, stored.ReasonCode));
        var notice = Assert.Single((await database.Get<PlatformNotices>().GetAsync(admin))!.FailedDebits);
        Assert.Equal((await database.InvoiceNumberAsync(debit.InvoiceId), 48.00m, "AM04"), (notice.InvoiceNumber, notice.Amount, notice.Reason.Code));
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.DirectDebitFiles.CountAsync());
        var audit = await db.AuditEntries.SingleAsync(a => a.PlatformId == platformId && a.Action == "debit.failed");
        Assert.Equal("agent@support.test", audit.ActorEmail);
    }

    [Fact]
    public async Task Collected_MarksTheInvoicePaid_AndRecordingItTwiceChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", Today);
        await database.Get<DirectDebitSubmission>().SubmitDueAsync();
        var debit = await database.DebitOfAsync(platformId);
        Assert.Equal(DocumentStatus.AwaitingDebit, await database.InvoiceStatusAsync(admin, debit.InvoiceId));

        var results = await Task.WhenAll(
            database.Get<DirectDebitDesk>().RecordCollectedAsync(DirectDebitWorld.Agent, debit.Id),
            database.Get<DirectDebitDesk>().RecordCollectedAsync(DirectDebitWorld.Agent, debit.Id));
        var thenFailed = await database.Get<DirectDebitDesk>().RecordFailedAsync(DirectDebitWorld.Agent, debit.Id, "AM04");

        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        Assert.Equal(CommandStatus.Conflict, thenFailed.Status);
        Assert.Equal(DocumentStatus.Paid, await database.InvoiceStatusAsync(admin, debit.InvoiceId));
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.PlatformId == platformId && a.Action == "debit.collected"));
    }

    [Fact]
    public async Task Answer_ForADebitNotYetSubmitted_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, _) = await database.PaidPlatformAsync("Chorale", Today);
        var debit = await database.DebitOfAsync(platformId);

        var result = await database.Get<DirectDebitDesk>().RecordCollectedAsync(DirectDebitWorld.Agent, debit.Id);

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal(DirectDebitStatus.Scheduled, (await database.DebitOfAsync(platformId)).Status);
    }

    [Fact]
    public async Task Retry_AfterInsufficientFunds_SchedulesOneNewDebitThatIsCollectedAndPaysTheInvoice()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", Today);
        var desk = database.Get<DirectDebitDesk>();
        var failed = await database.SubmitAndFailAsync(platformId, "AM04");

        var retries = await Task.WhenAll(desk.RetryAsync(DirectDebitWorld.Agent, failed.Id), desk.RetryAsync(DirectDebitWorld.Agent, failed.Id));
        var file = await database.Get<DirectDebitSubmission>().SubmitDueAsync();
        var retry = await database.DebitOfAsync(platformId);
        await desk.RecordCollectedAsync(DirectDebitWorld.Agent, retry.Id);

        Assert.All(retries, r => Assert.True(r.Succeeded, r.Message));
        Assert.Equal((failed.Id, failed.InvoiceId, failed.AmountCents), (retry.RetryOfDebitId!.Value, retry.InvoiceId, retry.AmountCents));
        Assert.Equal(1, file!.DebitCount);
        // The only earlier debit under the mandate failed: the scheme wants FRST again.
        Assert.Equal(DirectDebit.First, retry.SequenceCode);
        Assert.Equal(DocumentStatus.Paid, await database.InvoiceStatusAsync(admin, failed.InvoiceId));
        Assert.Empty((await database.Get<PlatformNotices>().GetAsync(admin))!.FailedDebits);
        await using var db = database.CreateContext();
        Assert.Equal(2, await db.DirectDebits.CountAsync(d => d.PlatformId == platformId));
        Assert.Equal(2, await db.DirectDebitFiles.CountAsync());
    }

    [Fact]
    public async Task Retry_AfterAClosedAccount_WaitsForTheAdminsNewMandate()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", Today);
        var desk = database.Get<DirectDebitDesk>();
        var failed = await database.SubmitAndFailAsync(platformId, "AC04");

        var refused = await desk.RetryAsync(DirectDebitWorld.Agent, failed.Id);
        Assert.Equal(CommandStatus.Invalid, refused.Status);
        Assert.Contains("new mandate", refused.Message);
        Assert.Contains("new mandate", (await desk.GetAsync(DirectDebitWorld.Agent, DirectDebitStatus.Failed))!.Debits.Single().RetryBlockedReason);
        Assert.True((await database.Get<PlatformNotices>().GetAsync(admin))!.FailedDebits.Single().Reason.NeedsNewMandate);

        await database.Get<MandateService>().SignAsync(admin, new MandateForm { AccountHolder = "Chorale", Iban = "FR1420041010050500013M02606", Authorised = true });
        var accepted = await desk.RetryAsync(DirectDebitWorld.Agent, failed.Id);

        Assert.True(accepted.Succeeded, accepted.Message);
        await using var db = database.CreateContext();
        var retry = await database.DebitOfAsync(platformId);
        Assert.Equal((await db.Mandates.SingleAsync(m => m.PlatformId == platformId && m.RevokedAtUtc == null)).Id, retry.MandateId);
        Assert.Equal((DirectDebitStatus.Scheduled, new DateOnly(2026, 3, 23)), (retry.Status, retry.CollectionDate));
    }

    [Fact]
    public async Task Retry_AfterAClosedAccount_ReadInFrench_SaysInFrenchThatANewMandateIsNeeded()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", Today);
        var desk = database.Get<DirectDebitDesk>();
        var failed = await database.SubmitAndFailAsync(platformId, "AC04");
        using var french = CultureScope.French();

        var refused = await desk.RetryAsync(DirectDebitWorld.Agent, failed.Id);
        var row = (await desk.GetAsync(DirectDebitWorld.Agent, DirectDebitStatus.Failed))!.Debits.Single();
        var notice = (await database.Get<PlatformNotices>().GetAsync(admin))!.FailedDebits.Single();

        Assert.Equal(CommandStatus.Invalid, refused.Status);
        Assert.Equal("La banque a refusé ce prélèvement (AC04 : le compte est clôturé). Le présenter à nouveau sur le même mandat échouerait : "
            + "l'administrateur doit d'abord signer un nouveau mandat.", refused.Message);
        Assert.Equal(refused.Message, row.RetryBlockedReason);
        Assert.Equal("Le compte est clôturé", notice.Reason.Description);
        Assert.StartsWith("Signez un nouveau mandat", notice.Reason.WhatToDo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportReturnFile_AppliesRejectionsAndSettlements_AndReadingItAgainChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (rejectedId, rejectedAdmin) = await database.PaidPlatformAsync("Chorale", Today);
        var (settledId, settledAdmin) = await database.PaidPlatformAsync("Club", Today);
        var file = await database.Get<DirectDebitSubmission>().SubmitDueAsync();
        var rejected = await database.DebitOfAsync(rejectedId);
        var settled = await database.DebitOfAsync(settledId);
        var report = DirectDebitWorld.ReturnFile(file!.MessageId,
            (await database.InvoiceNumberAsync(rejected.InvoiceId), "RJCT", "MS02"),
            (await database.InvoiceNumberAsync(settled.InvoiceId), "ACSC", null),
            ("F-2026-999999", "RJCT", "AM04"));

        var first = await database.Get<DirectDebitDesk>().ImportReturnFileAsync(DirectDebitWorld.Agent, report);
        var second = await database.Get<DirectDebitDesk>().ImportReturnFileAsync(DirectDebitWorld.Agent, report);

        Assert.Equal((1, 1, 0), (first.Failed, first.Collected, first.Unchanged));
        Assert.Contains("F-2026-999999", Assert.Single(first.Problems));
        Assert.Equal((0, 0, 2), (second.Failed, second.Collected, second.Unchanged));
        Assert.Equal(DocumentStatus.DebitFailed, await database.InvoiceStatusAsync(rejectedAdmin, rejected.InvoiceId));
        Assert.Equal(DocumentStatus.Paid, await database.InvoiceStatusAsync(settledAdmin, settled.InvoiceId));
        Assert.Equal("MS02", (await database.DebitOfAsync(rejectedId)).ReasonCode);
    }

    [Fact]
    public async Task ImportReturnFile_ReadInFrench_RefusesAFileNeverSentAndAnUnreadableOneInFrench()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, _) = await database.PaidPlatformAsync("Chorale", Today);
        await database.Get<DirectDebitSubmission>().SubmitDueAsync();
        var debit = await database.DebitOfAsync(platformId);
        var desk = database.Get<DirectDebitDesk>();
        using var french = CultureScope.French();

        var neverSent = await desk.ImportReturnFileAsync(DirectDebitWorld.Agent,
            DirectDebitWorld.ReturnFile("SPDD-20990101-000009", (await database.InvoiceNumberAsync(debit.InvoiceId), "RJCT", "AM04")));
        var empty = await desk.ImportReturnFileAsync(DirectDebitWorld.Agent, []);
        var collected = await desk.RecordCollectedAsync(DirectDebitWorld.Agent, debit.Id);

        Assert.Equal("Ce rapport répond au fichier SPDD-20990101-000009, qui n'a jamais été envoyé d'ici. Rien n'a été modifié.", neverSent.Result.Message);
        Assert.Equal("Le fichier est vide ou dépasse 5 Mo : ce n'est pas un rapport d'état bancaire.", empty.Result.Message);
        Assert.Equal("La facture " + await database.InvoiceNumberAsync(debit.InvoiceId) + " est payée : son prélèvement est enregistré comme encaissé.", collected.Message);
        Assert.Equal(DirectDebitStatus.Collected, (await database.DebitOfAsync(platformId)).Status);
    }

    [Fact]
    public async Task ImportReturnFile_ForAFileNeverSent_ChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, _) = await database.PaidPlatformAsync("Chorale", Today);
        await database.Get<DirectDebitSubmission>().SubmitDueAsync();
        var debit = await database.DebitOfAsync(platformId);

        var import = await database.Get<DirectDebitDesk>().ImportReturnFileAsync(DirectDebitWorld.Agent,
            DirectDebitWorld.ReturnFile("SPDD-20990101-000009", (await database.InvoiceNumberAsync(debit.InvoiceId), "RJCT", "AM04")));

        Assert.Equal(CommandStatus.Invalid, import.Result.Status);
        Assert.Equal(DirectDebitStatus.Submitted, (await database.DebitOfAsync(platformId)).Status);
    }

    [Fact]
    public async Task Desk_ForAnAdmin_IsNotFoundAndChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", Today);
        var file = await database.Get<DirectDebitSubmission>().SubmitDueAsync();
        var debit = await database.DebitOfAsync(platformId);
        var desk = database.Get<DirectDebitDesk>();

        Assert.Null(await desk.GetAsync(admin, null));
        Assert.Null(await desk.GetFileAsync(admin, file!.FileId));
        Assert.Equal(CommandStatus.NotFound, (await desk.RecordCollectedAsync(admin, debit.Id)).Status);
        Assert.Equal(CommandStatus.NotFound, (await desk.SubmitNowAsync(admin)).Status);
        Assert.Equal(DirectDebitStatus.Submitted, (await database.DebitOfAsync(platformId)).Status);
    }

    [Fact]
    public async Task Desk_ForAnAgent_ListsTheFileAndItsDebits()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        await database.PaidPlatformAsync("Chorale", Today);
        await database.PaidPlatformAsync("Club", Today);
        var desk = database.Get<DirectDebitDesk>();
        Assert.Contains("produced", (await desk.SubmitNowAsync(DirectDebitWorld.Agent)).Message);

        var view = await desk.GetAsync(DirectDebitWorld.Agent, null);

        var file = Assert.Single(view!.Files);
        Assert.Equal((2, 96.00m, 2, 0), (file.DebitCount, file.ControlSum, file.Awaiting, view.ScheduledCount));
        Assert.All(view.Debits, d => Assert.Equal((DirectDebitStatus.Submitted, file.MessageId, "FRST"), (d.Status, d.FileMessageId, d.SequenceCode)));
        Pain008Schema.Validated((await desk.GetFileAsync(DirectDebitWorld.Agent, file.Id))!.Content);
    }

    [Fact]
    public async Task SubmitNow_ByAnAgent_IsRecordedAsTheAgentNotTheJob()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, _) = await database.PaidPlatformAsync("Chorale", Today);

        var result = await database.Get<DirectDebitDesk>().SubmitNowAsync(DirectDebitWorld.Agent);

        Assert.True(result.Succeeded, result.Message);
        await using var db = database.CreateContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.PlatformId == platformId && a.Action == "debit.submitted");
        Assert.Equal(("agent-1", "agent@support.test", null), (entry.ActorUserId, entry.ActorEmail, entry.OnBehalfOfUserId));
    }

    [Fact]
    public async Task SubmitDue_RunByTheJob_IsRecordedAsTheJob()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, _) = await database.PaidPlatformAsync("Chorale", Today);

        await database.Get<DirectDebitSubmission>().SubmitDueAsync();

        await using var db = database.CreateContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.PlatformId == platformId && a.Action == "debit.submitted");
        Assert.Equal(SubscriptionPortal.Support.Actor.JobUserId, entry.ActorUserId);
    }
}

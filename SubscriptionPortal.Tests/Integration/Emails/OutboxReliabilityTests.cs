using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Emails;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Tests.Integration.Emails;

/// <summary>An email is never lost, never sent twice, and never holds up or undoes the change that causes it.</summary>
public sealed class OutboxReliabilityTests : IAsyncLifetime
{
    private TestSmtpServer smtp = null!;
    private TestDatabase database = null!;
    private readonly FailingCommit failing = new();

    public async Task InitializeAsync()
    {
        // The server's port is reserved but nothing listens until a test starts it.
        smtp = await TestSmtpServer.StartAsync(start: false);
        database = await TestDatabase.CreateAsync(settings: smtp.Settings(), configure: s => s.AddSingleton<IInterceptor>(failing));
    }

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task Validate_FailingAfterItsDocumentsAreStaged_LeavesNoEmail()
    {
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale du Marais", new DateOnly(2026, 3, 10));
        var before = await database.OutboxAsync(platformId);
        var quote = await database.QuoteAsync(admin, new ChangeTarget(CatalogSeed.Professional, 1000, Commitment.Monthly));

        failing.FailOnQuoteValidated = true;
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => database.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id));

        Assert.Equal(before.Select(m => m.Id), (await database.OutboxAsync(platformId)).Select(m => m.Id));
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Documents.CountAsync(d => d.PlatformId == platformId));
    }

    [Fact]
    public async Task Validate_Committed_LeavesExactlyOneEmailPerDocument()
    {
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale du Marais", new DateOnly(2026, 3, 10));
        var quote = await database.QuoteAsync(admin, new ChangeTarget(CatalogSeed.Professional, 1000, Commitment.Monthly));
        var changes = database.Get<SubscriptionChanges>();

        var applied = Assert.IsType<ChangeOutcome.Applied>(await changes.ValidateAsync(admin, quote.Id));
        Assert.IsType<ChangeOutcome.Applied>(await changes.ValidateAsync(admin, quote.Id));

        var rows = await database.OutboxAsync(platformId);
        Assert.Single(rows, m => m.AttachmentDocumentId == applied.InvoiceId && m.Kind == EmailKind.InvoiceIssued);
        Assert.Single(rows, m => m.AttachmentDocumentId == applied.CreditNoteId && m.Kind == EmailKind.CreditNoteIssued);
        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public async Task Send_ServerDownThenBack_ChangesGoOnAndEveryEmailIsDeliveredOnce()
    {
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale du Marais", new DateOnly(2026, 3, 10));
        var quote = await database.QuoteAsync(admin, new ChangeTarget(CatalogSeed.Professional, 1000, Commitment.Monthly));
        Assert.IsType<ChangeOutcome.Applied>(await database.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id));

        var down = await database.SendEmailsAsync();
        Assert.Equal(new SendRun(0, 3, 0), down);
        var waiting = await database.OutboxAsync(platformId);
        Assert.All(waiting, m => Assert.Equal((OutboxStatus.Queued, 1), (m.Status, m.Attempts)));
        Assert.All(waiting, m => Assert.Equal(database.Clock.GetUtcNow().UtcDateTime.AddMinutes(1), m.NextAttemptAtUtc));
        Assert.NotNull(waiting[0].LastError);

        await smtp.StartAsync();
        Assert.Equal(new SendRun(0, 0, 0), await database.SendEmailsAsync());
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new SendRun(3, 0, 0), await database.SendEmailsAsync());
        database.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new SendRun(0, 0, 0), await database.SendEmailsAsync());

        Assert.Equal(waiting.Select(m => m.MessageId).Order(), smtp.Messages.Select(m => m.Message.MessageId).Order());
        Assert.All(await database.OutboxAsync(platformId), m => Assert.Equal(OutboxStatus.Sent, m.Status));
    }

    [Fact]
    public async Task Send_ServerDownForGood_RetriesAfter1_5_30_120_720MinutesThenFails()
    {
        var (platformId, _) = await database.PaidPlatformAsync("Chorale du Marais", new DateOnly(2026, 3, 10));
        var delays = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            await database.SendEmailsAsync();
            var row = Assert.Single(await database.OutboxAsync(platformId));
            Assert.Equal(attempt, row.Attempts);
            if (attempt < 6)
            {
                Assert.Equal(OutboxStatus.Queued, row.Status);
                var delay = row.NextAttemptAtUtc - database.Clock.GetUtcNow().UtcDateTime;
                delays.Add(delay);
                database.Clock.Advance(delay - TimeSpan.FromSeconds(1));
                Assert.Equal(new SendRun(0, 0, 0), await database.SendEmailsAsync());
                database.Clock.Advance(TimeSpan.FromSeconds(1));
            }
            else
            {
                Assert.Equal(OutboxStatus.Failed, row.Status);
            }
        }

        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(12)], delays);
    }

    [Fact]
    public async Task Send_CrashBetweenSendingAndMarking_SendsItAgainWithTheSameMessageId()
    {
        await smtp.StartAsync();
        var (platformId, _) = await database.PaidPlatformAsync("Chorale du Marais", new DateOnly(2026, 3, 10));
        var sender = database.Get<EmailSender>();

        // The sender claims the message and hands it to the server, then the process dies before marking it.
        var claimed = Assert.Single(await sender.ClaimAsync(default));
        await using (var session = await database.Get<IMailTransport>().OpenAsync(default))
        {
            await session.SendAsync(await sender.BuildAsync(claimed, default), default);
        }

        Assert.Equal(new SendRun(0, 0, 0), await database.SendEmailsAsync());
        database.Clock.Advance(EmailSender.Lease);
        Assert.Equal(new SendRun(1, 0, 0), await database.SendEmailsAsync());

        Assert.Equal(2, smtp.Messages.Count);
        Assert.All(smtp.Messages, m => Assert.Equal(claimed.MessageId, m.Message.MessageId));
        Assert.Equal(smtp.Messages[0].Message.Date, smtp.Messages[1].Message.Date);
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await database.OutboxAsync(platformId)).Status);
    }

    [Fact]
    public async Task Send_AddressRefusedForGood_FailsAtOnceAndOthersStillGo()
    {
        await smtp.StartAsync();
        var (refusedId, _) = await database.PaidPlatformAsync("Chorale du Marais", new DateOnly(2026, 3, 10));
        var (acceptedId, _) = await database.PaidPlatformAsync("Club Nautique", new DateOnly(2026, 3, 10));
        smtp.Refuse(await database.BillingEmailAsync(refusedId));

        Assert.Equal(new SendRun(1, 0, 1), await database.SendEmailsAsync());

        var refused = Assert.Single(await database.OutboxAsync(refusedId));
        Assert.Equal((OutboxStatus.Failed, 1), (refused.Status, refused.Attempts));
        Assert.StartsWith("550", refused.LastError, StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await database.OutboxAsync(acceptedId)).Status);
        database.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new SendRun(0, 0, 0), await database.SendEmailsAsync());
    }

    /// <summary>Makes the save that carries a chosen audit entry fail, after the change's documents were saved in its transaction.</summary>
    private sealed class FailingCommit : SaveChangesInterceptor
    {
        /// <summary>Fails the validation's save, the last before its commit: its emails are written in the transaction by then.</summary>
        public bool FailOnQuoteValidated { get; set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (FailOnQuoteValidated && eventData.Context!.ChangeTracker.Entries<Quote>().Any(e => e.Entity.ValidatedAtUtc is not null))
            {
                throw new InvalidOperationException("The database went away in the middle of the change.");
            }

            return ValueTask.FromResult(result);
        }
    }
}

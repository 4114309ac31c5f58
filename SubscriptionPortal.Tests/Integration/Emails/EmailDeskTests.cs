using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Data;
using SubscriptionPortal.Emails;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Tests.Integration.Emails;

/// <summary>Support › Emails' desk: a message refused for good by the SMTP server, sent again by support, delivered under the same Message-ID.</summary>
public sealed class EmailDeskTests : IAsyncLifetime
{
    private readonly System.Security.Claims.ClaimsPrincipal agent =
        TestUsers.Principal(new ApplicationUser { Id = "agent-1", UserName = "camille@support.test", Email = "camille@support.test" }, [PortalRoles.Support]);

    private TestSmtpServer smtp = null!;
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        smtp = await TestSmtpServer.StartAsync();
        database = await TestDatabase.CreateAsync(settings: smtp.Settings());
    }

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task SendAgain_MessageRefusedForGood_QueuesItRecordsTheAgentAndDeliversItUnderTheSameMessageId()
    {
        var (platformId, _) = await database.PaidPlatformAsync("Chorale du Marais", new DateOnly(2026, 3, 10));
        var address = await database.BillingEmailAsync(platformId);
        smtp.Refuse(address);
        await database.SendEmailsAsync();
        var failed = Assert.Single(await database.OutboxAsync(platformId));
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        var desk = database.Get<EmailDesk>();
        Assert.Contains(await desk.ListAsync(agent, "marais", OutboxStatus.Failed) ?? [], r => r.Id == failed.Id);
        smtp.Accept(address);

        Assert.Equal(SendAgainOutcome.Queued, await desk.SendAgainAsync(agent, failed.Id));
        Assert.Equal(SendAgainOutcome.NotFailed, await desk.SendAgainAsync(agent, failed.Id));

        var queued = Assert.Single(await database.OutboxAsync(platformId));
        Assert.Equal((OutboxStatus.Queued, 0, (string?)null), (queued.Status, queued.Attempts, queued.LastError));
        await using (var db = database.CreateContext())
        {
            var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditActions.EmailSentAgain);
            Assert.Equal(("camille@support.test", (int?)platformId), (audit.ActorEmail, audit.PlatformId));
            Assert.Contains($"Email \"{failed.Subject}\" to {address} queued again after 1 failed attempts", audit.Details, StringComparison.Ordinal);
        }

        Assert.Equal(new SendRun(1, 0, 0), await database.SendEmailsAsync());
        var sent = Assert.Single(await database.OutboxAsync(platformId));
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        EmailWorld.AssertDelivered(smtp.ReceivedFor(sent), sent, address, failed.Subject);
    }

    [Fact]
    public async Task SendAgain_UnknownIdSentMessageOrNotSupport_ChangesNothing()
    {
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale du Marais", new DateOnly(2026, 3, 10));
        await database.SendEmailsAsync();
        var sent = Assert.Single(await database.OutboxAsync(platformId));
        var desk = database.Get<EmailDesk>();

        Assert.Equal(SendAgainOutcome.NotFound, await desk.SendAgainAsync(agent, Guid.NewGuid()));
        Assert.Equal(SendAgainOutcome.NotFailed, await desk.SendAgainAsync(agent, sent.Id));
        Assert.Equal(SendAgainOutcome.NotFound, await desk.SendAgainAsync(admin, sent.Id));
        Assert.Null(await desk.ListAsync(admin, null, null));
        Assert.Null(await desk.GetAsync(admin, sent.Id));

        var after = Assert.Single(await database.OutboxAsync(platformId));
        Assert.Equal((OutboxStatus.Sent, sent.Attempts, sent.SentAtUtc), (after.Status, after.Attempts, after.SentAtUtc));
        await using var db = database.CreateContext();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.EmailSentAgain));
    }
}

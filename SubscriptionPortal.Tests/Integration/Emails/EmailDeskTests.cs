using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Data;
using SubscriptionPortal.Emails;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Tests.Integration.Emails;

/// <summary>Support › Emails' desk: a message refused for good by the SMTP server, sent again by support, delivered under the same Message-ID.</summary>
public sealed class EmailDeskTests : SmtpEmailTest
{
    private readonly System.Security.Claims.ClaimsPrincipal agent =
        TestUsers.Principal(new ApplicationUser { Id = "agent-1", UserName = "camille@support.test", Email = "camille@support.test" }, [PortalRoles.Support]);

    [Fact]
    public async Task SendAgain_MessageRefusedForGood_QueuesItRecordsTheAgentAndDeliversItUnderTheSameMessageId()
    {
        var (platformId, _) = await Database.PaidPlatformAsync("Chorale du Marais", new DateOnly(2026, 3, 10));
        var address = await Database.BillingEmailAsync(platformId);
        Smtp.Refuse(address);
        await Database.SendEmailsAsync();
        var failed = Assert.Single(await Database.OutboxAsync(platformId));
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        var desk = Database.Get<EmailDesk>();
        Assert.Contains(await desk.ListAsync(agent, "marais", OutboxStatus.Failed) ?? [], r => r.Id == failed.Id);
        Smtp.Accept(address);

        Assert.Equal(SendAgainOutcome.Queued, await desk.SendAgainAsync(agent, failed.Id));
        Assert.Equal(SendAgainOutcome.NotFailed, await desk.SendAgainAsync(agent, failed.Id));

        var queued = Assert.Single(await Database.OutboxAsync(platformId));
        Assert.Equal((OutboxStatus.Queued, 0, (string?)null), (queued.Status, queued.Attempts, queued.LastError));
        await using (var db = Database.CreateContext())
        {
            var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditActions.EmailSentAgain);
            Assert.Equal(("camille@support.test", (int?)platformId), (audit.ActorEmail, audit.PlatformId));
            Assert.Contains($"Email \"{failed.Subject}\" to {address} queued again after 1 failed attempts", audit.Details, StringComparison.Ordinal);
        }

        Assert.Equal(new SendRun(1, 0, 0), await Database.SendEmailsAsync());
        var sent = Assert.Single(await Database.OutboxAsync(platformId));
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        EmailWorld.AssertDelivered(Smtp.ReceivedFor(sent), sent, address, failed.Subject);
    }

    [Fact]
    public async Task SendAgain_UnknownIdSentMessageOrNotSupport_ChangesNothing()
    {
        var (platformId, admin) = await Database.PaidPlatformAsync("Chorale du Marais", new DateOnly(2026, 3, 10));
        await Database.SendEmailsAsync();
        var sent = Assert.Single(await Database.OutboxAsync(platformId));
        var desk = Database.Get<EmailDesk>();

        Assert.Equal(SendAgainOutcome.NotFound, await desk.SendAgainAsync(agent, Guid.NewGuid()));
        Assert.Equal(SendAgainOutcome.NotFailed, await desk.SendAgainAsync(agent, sent.Id));
        Assert.Equal(SendAgainOutcome.NotFound, await desk.SendAgainAsync(admin, sent.Id));
        Assert.Null(await desk.ListAsync(admin, null, null));
        Assert.Null(await desk.GetAsync(admin, sent.Id));

        var after = Assert.Single(await Database.OutboxAsync(platformId));
        Assert.Equal((OutboxStatus.Sent, sent.Attempts, sent.SentAtUtc), (after.Status, after.Attempts, after.SentAtUtc));
        await using var db = Database.CreateContext();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.EmailSentAgain));
    }
}

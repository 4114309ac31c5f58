using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Emails;
using SubscriptionPortal.Tests.Integration.Emails;
using Xunit.Abstractions;

namespace SubscriptionPortal.Tests.Integration.MultiInstance;

/// <summary>Both instances' senders working the same outbox at once, to one real SMTP server.</summary>
[Trait("Category", PostgresOnly.Category)]
public sealed class TwoInstanceEmailTests : IAsyncLifetime
{
    private const int Messages = 500;
    private readonly ITestOutputHelper output;
    private TestSmtpServer smtp = null!;
    private TestDatabase a = null!;
    private TestDatabase b = null!;

    public TwoInstanceEmailTests(ITestOutputHelper output)
    {
        PostgresOnly.Require();
        this.output = output;
    }

    public async Task InitializeAsync()
    {
        smtp = await TestSmtpServer.StartAsync();
        a = await TestDatabase.CreateAsync(settings: smtp.Settings());
        b = await a.StartInstanceAsync("b");
    }

    public async Task DisposeAsync()
    {
        await b.DisposeAsync();
        await a.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task BothSendersTogether_Deliver500QueuedMessagesEachExactlyOnce()
    {
        var (platformId, _) = await a.FreePlatformAsync("Chorale du Marais");
        // Queued over the half-second before now, in order: all due when the senders start.
        var now = a.Clock.GetUtcNow().UtcDateTime;
        await using (var db = a.CreateContext())
        {
            db.OutboxMessages.AddRange(Enumerable.Range(1, Messages).Select(i => new OutboxMessage(Guid.NewGuid(), platformId, EmailKind.InvoiceIssued, "fr-FR",
                $"tresorier{i}@chorale.example", $"Message {i}", $"<p>Message {i}</p>", $"Message {i}\n", null, null, now.AddMilliseconds(i - Messages - 1))));
            await db.SaveChangesAsync();
        }

        var runs = await Task.WhenAll(
            Task.Run(() => a.Get<EmailSender>().SendDueAsync()),
            Task.Run(() => b.Get<EmailSender>().SendDueAsync()));
        output.WriteLine($"{Messages} messages by two instances: {runs[0].Sent} by A, {runs[1].Sent} by B.");

        Assert.Equal(Messages, runs.Sum(r => r.Sent));
        var ids = smtp.Messages.Select(m => m.Message.MessageId).ToList();
        Assert.Equal(Messages, ids.Count);
        Assert.Equal(Messages, ids.Distinct().Count());
        await using var check = a.CreateContext();
        Assert.Equal(Messages, await check.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent && m.Attempts == 1));
    }
}

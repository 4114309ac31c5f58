using System.Diagnostics;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Emails;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Tests.E2E;
using SubscriptionPortal.Tests.Integration.Emails;
using SubscriptionPortal.Tests.Integration.Http;
using SubscriptionPortal.Tests.Integration.Payments;
using static SubscriptionPortal.Tests.Integration.Operations.MetricsScrape;

namespace SubscriptionPortal.Tests.Integration.Operations;

/// <summary>
/// The email meters as <c>/metrics</c> shows them after real work: the app on Kestrel with its demo data, its
/// sender pointed at a real SMTP server, a fake clock. Each test first lets the start-up runs of the jobs settle
/// (the demo's own emails), then compares two scrapes.
/// </summary>
[Collection(EmailMetricsCollection.Name)]
public sealed class EmailMetricsTests : IAsyncLifetime
{
    private const string Queued = "portal_emails_queued_total";
    private const string Sent = "portal_emails_sent_total";
    private const string Failed = "portal_emails_failed_total";
    private const string RetriesScheduled = "portal_emails_retries_scheduled_total";
    private const string OldestQueuedAge = "portal_emails_oldest_queued_age_seconds";
    private const string Serenity = "serenity@demo.test";
    private const string SerenityBillingEmail = "compta@choraledumarais.test";

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero));
    private TestSmtpServer smtp = null!;
    private PortalServer? server;
    private HttpClient? scraper;

    public async Task InitializeAsync() => smtp = await TestSmtpServer.StartAsync(start: false);

    public async Task DisposeAsync()
    {
        scraper?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task Scrape_ChangeCommitsAndItsEmailsGoOut_CountsThemQueuedThenSent()
    {
        await StartAsync(mailServerUp: true);
        var before = await ScrapeAsync();

        var rows = await UpgradeSerenityAsync();
        var committed = await ScrapeAsync();
        await SettledAsync();
        var after = await ScrapeWhenAsync(text => Sum(text, Sent) - Sum(before, Sent) >= 2);

        Assert.Equal(2, rows.Count);
        Assert.Equal(2, Sum(committed, Queued) - Sum(before, Queued));
        Assert.All(rows, row => smtp.ReceivedFor(row));
        Assert.Equal(2, Sum(after, Sent) - Sum(before, Sent));
        Assert.Equal(0, Sum(after, Failed) - Sum(before, Failed));
        Assert.Equal(0, Sum(after, RetriesScheduled) - Sum(before, RetriesScheduled));
        Assert.Equal(0, Value(after, OldestQueuedAge));
    }

    [Fact]
    public async Task Scrape_ChangeRolledBack_CountsNoEmailQueued()
    {
        await StartAsync(mailServerUp: true);
        var platformId = await PlatformIdAsync();
        var outbox = server!.Services.GetRequiredService<EmailOutbox>();
        var before = await ScrapeAsync();

        await using (var db = await CreateContextAsync())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await outbox.SubscriptionCancelledAsync(db, platformId, CatalogSeed.Serenity, new DateOnly(2026, 4, 30));
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }

        var rolledBack = await ScrapeAsync();
        await using (var db = await CreateContextAsync())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await outbox.SubscriptionCancelledAsync(db, platformId, CatalogSeed.Serenity, new DateOnly(2026, 4, 30));
            await db.SaveChangesAsync();
            var saved = await ScrapeAsync();
            Assert.Equal(0, Sum(saved, Queued) - Sum(before, Queued));
            await tx.CommitAsync();
        }

        var committed = await ScrapeAsync();
        Assert.Equal(0, Sum(rolledBack, Queued) - Sum(before, Queued));
        Assert.Equal(1, Sum(committed, Queued) - Sum(before, Queued));
        await using var check = await CreateContextAsync();
        Assert.Equal(1, await check.OutboxMessages.CountAsync(m => m.PlatformId == platformId && m.Kind == EmailKind.SubscriptionCancelled));
    }

    [Fact]
    public async Task Scrape_AddressRefusedForGood_CountsItsEmailsFailed()
    {
        var (before, rows, after) = await UpgradeWithItsAddressRefusedAsync();

        await using var db = await CreateContextAsync();
        var ids = rows.Select(r => r.Id).ToList();
        Assert.Equal([OutboxStatus.Failed, OutboxStatus.Failed], await db.OutboxMessages.Where(m => ids.Contains(m.Id)).Select(m => m.Status).ToListAsync());
        Assert.Equal(2, Sum(after, Failed) - Sum(before, Failed));
        Assert.Equal(0, Sum(after, Sent) - Sum(before, Sent));
        Assert.Equal(0, Sum(after, RetriesScheduled) - Sum(before, RetriesScheduled));
    }

    [Fact]
    public async Task Scrape_FailedEmailSentAgainBySupport_CountsItQueuedAgainThenSent()
    {
        var (before, rows, failed) = await UpgradeWithItsAddressRefusedAsync();
        smtp.Accept(SerenityBillingEmail);

        Assert.Equal(SendAgainOutcome.Queued, await server!.Services.GetRequiredService<EmailDesk>().SendAgainAsync(DirectDebitWorld.Agent, rows[0].Id));
        var queuedAgain = await ScrapeAsync();
        await SettledAsync();
        var after = await ScrapeWhenAsync(text => Sum(text, Sent) - Sum(before, Sent) >= 1);

        Assert.Equal(2, Sum(failed, Queued) - Sum(before, Queued));
        Assert.Equal(1, Sum(queuedAgain, Queued) - Sum(failed, Queued));
        Assert.Equal(1, Sum(after, Sent) - Sum(before, Sent));
        Assert.Equal(2, Sum(after, Failed) - Sum(before, Failed));
        Assert.Equal(Sum(after, Queued) - Sum(before, Queued), Sum(after, Sent) + Sum(after, Failed) - Sum(before, Sent) - Sum(before, Failed));
        smtp.ReceivedFor(rows[0]);
    }

    /// <summary>The Serenity upgrade's two emails refused for good by the mail server: the scrape before, their rows, the scrape once both failed.</summary>
    private async Task<(string Before, List<OutboxMessage> Rows, string Failed)> UpgradeWithItsAddressRefusedAsync()
    {
        await StartAsync(mailServerUp: true);
        smtp.Refuse(SerenityBillingEmail);
        var before = await ScrapeAsync();
        var rows = await UpgradeSerenityAsync();
        await SettledAsync();
        var failed = await ScrapeWhenAsync(text => Sum(text, Failed) - Sum(before, Failed) >= 2);
        return (before, rows, failed);
    }

    [Fact]
    public async Task Scrape_MailServerDown_CountsRetriesAndAgesTheOldestQueuedEmailWithTheClock()
    {
        await StartAsync(mailServerUp: false);
        var before = await ScrapeAsync();

        var rows = await UpgradeSerenityAsync();
        await SettledAsync();
        var retried = await ScrapeWhenAsync(text => Sum(text, RetriesScheduled) - Sum(before, RetriesScheduled) >= 2);
        List<OutboxMessage> waiting;
        await using (var db = await CreateContextAsync())
        {
            var ids = rows.Select(r => r.Id).ToList();
            waiting = await db.OutboxMessages.Where(m => ids.Contains(m.Id)).ToListAsync();
        }

        clock.Advance(TimeSpan.FromSeconds(90));
        var later = await ScrapeAsync();

        Assert.Equal(2, Sum(retried, Queued) - Sum(before, Queued));
        Assert.Equal(2, Sum(retried, RetriesScheduled) - Sum(before, RetriesScheduled));
        Assert.Equal(0, Sum(retried, Sent) - Sum(before, Sent));
        Assert.Equal(0, Sum(retried, Failed) - Sum(before, Failed));
        Assert.Equal(0, Value(retried, OldestQueuedAge));
        Assert.Equal(90, Value(later, OldestQueuedAge));
        Assert.All(waiting, m => Assert.Equal((OutboxStatus.Queued, 1), (m.Status, m.Attempts)));
    }

    [Fact]
    public async Task Scrape_DatabaseUnreachable_LeavesTheOldestAgeOutAndServesEverythingElse()
    {
        await StartAsync(mailServerUp: true);
        Assert.Equal(0, Value(await ScrapeAsync(), OldestQueuedAge));

        // The file gone and a folder in its place: SQLite can neither open nor recreate it.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { server!.DatabasePath, server.DatabasePath + "-wal", server.DatabasePath + "-shm" })
        {
            File.Delete(file);
        }

        Directory.CreateDirectory(server.DatabasePath);
        using var response = await scraper!.GetAsync("metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Null(Value(text, OldestQueuedAge));
        Assert.Contains("http_server_request_duration_seconds", text);
        Assert.Contains("dotnet_gc_collections", text);
    }

    private async Task StartAsync(bool mailServerUp)
    {
        if (mailServerUp)
        {
            await smtp.StartAsync();
        }

        server = new PortalServer(smtp.Settings(), services => services.AddSingleton<TimeProvider>(clock));
        scraper = SignedInClient.Anonymous(server);
        await SettledAsync();
    }

    private Task<string> ScrapeAsync() => scraper!.GetStringAsync("metrics");

    /// <summary>
    /// A scrape that shows <paramref name="done"/>: the sender counts each email just after writing its outcome,
    /// so the last count may trail the database by a moment.
    /// </summary>
    private async Task<string> ScrapeWhenAsync(Func<string, bool> done)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var text = await ScrapeAsync();
            if (done(text) || waited.Elapsed > TimeSpan.FromSeconds(20))
            {
                return text;
            }

            await Task.Delay(50);
        }
    }

    private Task<ApplicationDbContext> CreateContextAsync() =>
        server!.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync();

    private async Task<int> PlatformIdAsync()
    {
        await using var db = await CreateContextAsync();
        return await db.Platforms.Where(p => p.BillingEmail == SerenityBillingEmail).Select(p => p.Id).SingleAsync();
    }

    /// <summary>Serenity 250 to 500 contacts for the demo's choir, validated as its admin would: an invoice and a credit note, each emailed.</summary>
    private async Task<List<OutboxMessage>> UpgradeSerenityAsync()
    {
        ClaimsPrincipal admin;
        await using (var db = await CreateContextAsync())
        {
            admin = await TestUsers.PrincipalAsync(db, Serenity);
        }

        // A circuit's scope, as the page that validates has.
        using var scope = server!.Services.CreateScope();
        var changes = scope.ServiceProvider.GetRequiredService<SubscriptionChanges>();
        var quote = Assert.IsType<QuoteOutcome.Quoted>(await changes.QuoteAsync(admin, new ChangeTarget(CatalogSeed.Serenity, 500, Commitment.Monthly))).Quote;
        var applied = Assert.IsType<ChangeOutcome.Applied>(await changes.ValidateAsync(admin, quote.Id));
        await using var read = await CreateContextAsync();
        return await read.OutboxMessages.AsNoTracking()
            .Where(m => m.AttachmentDocumentId == applied.InvoiceId || m.AttachmentDocumentId == applied.CreditNoteId)
            .ToListAsync();
    }

    /// <summary>
    /// Waits until every job has run once and the sender has nothing due or in hand: each queued email waits for a
    /// retry, none is claimed by a run under way.
    /// </summary>
    private async Task SettledAsync()
    {
        var heartbeats = server!.Services.GetRequiredService<JobHeartbeats>();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var retryAt = now + OutboxMessage.RetryDelays[0];
            await using (var db = await CreateContextAsync())
            {
                var jobsRan = heartbeats.Snapshot() is { Count: > 0 } jobs && jobs.All(j => j.LastRunAt is not null);
                var busy = await db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Queued && (m.NextAttemptAtUtc <= now || m.NextAttemptAtUtc > retryAt));
                if (jobsRan && !busy)
                {
                    return;
                }
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "The sender did not settle within 20 seconds.");
            await Task.Delay(50);
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EmailMetricsCollection
{
    /// <summary>Alone, because a meter is found by its name in the whole process (see the other /metrics tests).</summary>
    public const string Name = "Email metrics, alone in the process";
}

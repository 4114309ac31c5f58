using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics.Metrics;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Billing.Pdf;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Emails;
using SubscriptionPortal.Operations;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Support;
using SubscriptionPortal.Tests.Integration.Http;
using SubscriptionPortal.Tests.Unit.Billing.EInvoicing;
using SubscriptionPortal.Tests.Unit.Billing.Pdf;

namespace SubscriptionPortal.Tests.Integration.Subscriptions;

public sealed class RenewalServiceTests
{
    private static readonly DateOnly Start = new(2026, 3, 10);
    private static readonly DateTimeOffset RenewalTime = new(2026, 4, 10, 6, 0, 0, TimeSpan.Zero);
    private static readonly XNamespace Rsm = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    private static readonly XNamespace Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";

    [Fact]
    public async Task RenewDue_RunTwice_IssuesOneInvoiceForTheNextPeriod()
    {
        await using var database = await TestDatabase.CreateAsync(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero));
        var (platformId, _) = await database.PaidPlatformAsync("Chorale", Start);
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 10, 6, 0, 0, TimeSpan.Zero));

        var first = await database.Get<RenewalService>().RenewDueAsync();
        var second = await database.Get<RenewalService>().RenewDueAsync();

        Assert.Equal((1, 0), (first, second));
        await using var db = database.CreateContext();
        var invoices = await db.Documents.Where(d => d.PlatformId == platformId && d.Kind == DocumentKind.Invoice).OrderBy(d => d.Id).ToListAsync();
        Assert.Equal(2, invoices.Count);
        Assert.Equal((new DateOnly(2026, 4, 10), new DateOnly(2026, 5, 10), 4800L), (invoices[1].PeriodStart, invoices[1].PeriodEnd, invoices[1].TotalIncludingVatCents));
        var subscription = await db.Subscriptions.SingleAsync(s => s.PlatformId == platformId);
        Assert.Equal(new BillingPeriod(new DateOnly(2026, 4, 10), new DateOnly(2026, 5, 10)), subscription.CurrentPeriod);
        Assert.Equal(invoices[1].Id, subscription.Plan!.OpeningInvoiceId);
        Assert.Equal(4800, (await db.DirectDebits.SingleAsync(d => d.InvoiceId == invoices[1].Id)).AmountCents);
    }

    [Fact]
    public async Task RenewDue_TwoRunsAtOnce_RenewEachSubscriptionOnce()
    {
        await using var database = await TestDatabase.CreateAsync(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero));
        for (var i = 0; i < 10; i++)
        {
            await database.PaidPlatformAsync($"Association {i}", Start);
        }

        database.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 10, 6, 0, 0, TimeSpan.Zero));

        var runs = await Task.WhenAll(Task.Run(() => database.Get<RenewalService>().RenewDueAsync()), Task.Run(() => database.Get<RenewalService>().RenewDueAsync()));

        Assert.Equal(10, runs.Sum());
        await using var db = database.CreateContext();
        Assert.Equal(10, await db.Documents.CountAsync(d => d.IdempotencyKey.StartsWith("renewal:")));
    }

    [Fact]
    public async Task RenewDue_AfterMissedPeriods_CatchesUpOnePeriodAtATime()
    {
        await using var database = await TestDatabase.CreateAsync(new DateTimeOffset(2026, 1, 31, 9, 0, 0, TimeSpan.Zero));
        var (platformId, _) = await database.PaidPlatformAsync("Chorale", new DateOnly(2026, 1, 31));
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 1, 6, 0, 0, TimeSpan.Zero));

        Assert.Equal(2, await database.Get<RenewalService>().RenewDueAsync());

        await using var db = database.CreateContext();
        var periods = await db.Documents.Where(d => d.PlatformId == platformId).OrderBy(d => d.Id).Select(d => new { d.PeriodStart, d.PeriodEnd }).ToListAsync();
        Assert.Equal(
            [(new DateOnly(2026, 1, 31), new DateOnly(2026, 2, 28)), (new DateOnly(2026, 2, 28), new DateOnly(2026, 3, 31)), (new DateOnly(2026, 3, 31), new DateOnly(2026, 4, 30))],
            periods.Select(p => (p.PeriodStart, p.PeriodEnd)));
    }

    [Fact]
    public async Task RenewDue_WithABalance_AppliesItBeforeDebiting()
    {
        await using var database = await TestDatabase.CreateAsync(new DateTimeOffset(2026, 4, 25, 10, 0, 0, TimeSpan.Zero));
        var (platformId, admin) = await database.PaidPlatformAsync("Club", new DateOnly(2026, 1, 15), CatalogSeed.Professional, 1000, Commitment.Annual);
        var quote = await database.QuoteAsync(admin, new ChangeTarget(CatalogSeed.Serenity, 1000, Commitment.Monthly));
        Assert.IsType<ChangeOutcome.Applied>(await database.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id));
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 25, 6, 0, 0, TimeSpan.Zero));

        Assert.Equal(1, await database.Get<RenewalService>().RenewDueAsync());

        await using var db = database.CreateContext();
        var renewal = await db.Documents.SingleAsync(d => d.PlatformId == platformId && d.IdempotencyKey.StartsWith("renewal:"));
        Assert.Equal((10800L, 10800L, 0L), (renewal.TotalIncludingVatCents, renewal.BalanceAppliedCents, renewal.AmountDueCents));
        Assert.Equal(114658 - 10800, (await db.Platforms.SingleAsync(p => p.Id == platformId)).BalanceCents);
        Assert.False(await db.DirectDebits.AnyAsync(d => d.InvoiceId == renewal.Id));
    }

    [Fact]
    public async Task RenewDue_BeforeThePeriodEndsInParis_DoesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero));
        await database.PaidPlatformAsync("Chorale", Start);
        // 21:30 UTC on 9 April is 23:30 in Paris: still the period's last day.
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 9, 21, 30, 0, TimeSpan.Zero));

        Assert.Equal(0, await database.Get<RenewalService>().RenewDueAsync());

        // 22:30 UTC is 00:30 on 10 April in Paris: the renewal is due.
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 9, 22, 30, 0, TimeSpan.Zero));
        Assert.Equal(1, await database.Get<RenewalService>().RenewDueAsync());
    }

    [Fact]
    public async Task RenewDue_MoreSubscriptionsThanABatch_RenewsEachOnceWithGaplessNumbersAndItsOwnPdf()
    {
        await using var database = await SmallBatchesAsync(batchSize: 4, new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero));
        var platformIds = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            platformIds.Add((await database.PaidPlatformAsync($"Association {i}", Start)).PlatformId);
        }

        database.Clock.SetUtcNow(RenewalTime);

        Assert.Equal(10, await database.Get<RenewalService>().RenewDueAsync());

        await using var db = database.CreateContext();
        // The ten opening invoices, then the ten renewals: numbered in the order they were issued, without a gap.
        var numbers = await db.Documents.Where(d => d.Kind == DocumentKind.Invoice).OrderBy(d => d.Id).Select(d => d.Number).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"F-2026-{n:D6}"), numbers);
        var renewals = await db.Documents.Where(d => d.IdempotencyKey.StartsWith("renewal:")).OrderBy(d => d.Id).ToListAsync();
        Assert.Equal(platformIds.Order(), renewals.Select(d => d.PlatformId).Order());
        Assert.All(renewals, r => Assert.Equal((new DateOnly(2026, 4, 10), new DateOnly(2026, 5, 10)), (r.PeriodStart, r.PeriodEnd)));
        AssertEachCarriesItsOwnNumberAndBuyer(renewals);

        var renewalIds = renewals.Select(d => d.Id).ToList();
        Assert.Equal(renewalIds.Order(), (await db.Subscriptions.Select(s => s.Plan!.OpeningInvoiceId).ToListAsync()).Order());
        Assert.Equal(10, await db.DirectDebits.CountAsync(d => renewalIds.Contains(d.InvoiceId)));
        Assert.Equal(10, await db.OutboxMessages.CountAsync(m => m.AttachmentDocumentId != null && renewalIds.Contains(m.AttachmentDocumentId.Value)));
        Assert.Equal(10, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.SubscriptionRenewed));
    }

    [Fact]
    [Trait("Category", SqliteOnly.Category)]
    public async Task RenewDue_ManyBatchesOnSqlite_CheckpointsBesideTheJob_StartsTheWalOverEveryEightBatches_AndLeavesItCopied()
    {
        SqliteOnly.Require();

        // Two renewals a batch: 40 batches.
        await using var database = await SmallBatchesAsync(batchSize: 2, new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero));
        for (var i = 0; i < 80; i++)
        {
            await database.PaidPlatformAsync($"Association {i}", Start);
        }

        string walFile;
        string connectionString;
        await using (var db = database.CreateContext())
        {
            await db.Database.OpenConnectionAsync();
            walFile = db.Database.GetDbConnection().DataSource + "-wal";
            connectionString = db.Database.GetConnectionString()!;
        }

        // SQLite deletes the WAL when the database's last connection closes, and the next one starts a new WAL with new
        // salts; other tests clear every pool at times. A connection outside the pool that has read once (and so uses the
        // WAL), then stays open and idle, keeps this one.
        await using var keepsTheWal = new Microsoft.Data.Sqlite.SqliteConnection(connectionString + ";Pooling=False");
        await keepsTheWal.OpenAsync();
        await using (var read = keepsTheWal.CreateCommand())
        {
            read.CommandText = "SELECT COUNT(*) FROM Platforms";
            await read.ExecuteScalarAsync();
        }

        var restartsBefore = WalRestarts(walFile);
        database.Clock.SetUtcNow(RenewalTime);

        Assert.Equal(80, await database.Get<RenewalService>().RenewDueAsync());

        // SQLite counts in the WAL's header each time it writes the WAL from its beginning again (unchecked: the count may wrap):
        // after batches 8, 16, 24, 32 and 40, less any wait whose checkpoint found the next batch's guess still reading for
        // more than 200 ms, and more when a checkpoint beside the job happens to finish before the next batch begins (both on
        // a busy machine); at most once a batch. The automatic checkpoint, every 1 000 pages, started it over twice in this run.
        Assert.InRange(unchecked(WalRestarts(walFile) - restartsBefore), 3u, 40u);
        await using var check = database.CreateContext();
        await check.Database.OpenConnectionAsync();
        await using var command = check.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        // Not busy, and every page of the WAL already in the database file.
        Assert.Equal(0, reader.GetInt64(0));
        Assert.Equal(reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>The first salt of a SQLite WAL's header (bytes 16 to 19, big-endian), which SQLite adds one to each time it writes the WAL from its beginning again.</summary>
    private static uint WalRestarts(string walFile)
    {
        using var file = new FileStream(walFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var header = new byte[20];
        file.ReadExactly(header);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(16));
    }

    [Fact]
    public async Task RenewDue_InSeveralBatches_IssuesEveryBatchButTheFirstWithThePdfsRenderedAhead_AndRendersEachInvoiceOnce()
    {
        var renderer = new CountingRenderer();
        var log = new LogCapture(LogLevel.Debug);
        await using var database = await RenderedAheadAsync(renderer, log);
        for (var i = 0; i < 10; i++)
        {
            await database.PaidPlatformAsync($"Association {i}", Start);
        }

        database.Clock.SetUtcNow(RenewalTime);
        renderer.Clear();

        Assert.Equal(10, await database.Get<RenewalService>().RenewDueAsync());

        // Batches of four, four and two: the second and third were rendered while the one before was written.
        Assert.Equal(["4 PDFs rendered ahead were used, 0 documents", "2 PDFs rendered ahead were used, 0 documents"], RenderedAhead(log));
        await using var db = database.CreateContext();
        var renewals = await db.Documents.Where(d => d.IdempotencyKey.StartsWith("renewal:")).ToListAsync();
        Assert.Equal(renewals.Select(d => d.Number).Order(), renderer.Rendered.Order());
        AssertEachCarriesItsOwnNumberAndBuyer(renewals);
    }

    [Fact]
    public async Task RenewDue_AChangeTookANumberBetweenTwoBatches_RendersTheNextBatchAgainAndStopsGuessing_AndEachInvoiceCarriesItsOwnNumber()
    {
        var renderer = new CountingRenderer();
        var log = new LogCapture(LogLevel.Debug);
        var interleaved = new OnceAfterACommit();
        await using var database = await RenderedAheadAsync(renderer, log, interleaved);
        for (var i = 0; i < 14; i++)
        {
            await database.PaidPlatformAsync($"Association {i}", Start);
        }

        database.Clock.SetUtcNow(RenewalTime);
        // Once the first batch commits, a new platform takes Serenity: its invoice takes the number the second batch's PDFs were rendered with.
        renderer.Clear();
        var newcomer = 0;
        interleaved.Arm(async () => newcomer = (await database.PaidPlatformAsync("Newcomer", new DateOnly(2026, 4, 10))).PlatformId);

        Assert.Equal(14, await database.Get<RenewalService>().RenewDueAsync());

        Assert.NotEqual(0, newcomer);
        // Batches of four, four, four and two. The second batch's four guesses were all wrong: the third and the fourth
        // rendered their own PDFs, as the first did.
        Assert.Equal(["0 PDFs rendered ahead were used, 4 documents"], RenderedAhead(log));
        await using var db = database.CreateContext();
        var numbers = await db.Documents.Where(d => d.Kind == DocumentKind.Invoice).Select(d => d.Number).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 29).Select(n => $"F-2026-{n:D6}"), numbers.Order());
        var renewals = await db.Documents.Where(d => d.IdempotencyKey.StartsWith("renewal:")).ToListAsync();
        Assert.Equal(14, renewals.Count);
        AssertEachCarriesItsOwnNumberAndBuyer(renewals);
        // The newcomer's invoice, the first batch, the second rendered ahead then again, the third, the fourth.
        Assert.Equal(1 + 4 + 4 + 4 + 4 + 2, renderer.Rendered.Count);
    }

    [Fact]
    public async Task RenewDue_SeveralPeriodsMissedAcrossBatches_IssuesEachPeriodOnceInDateOrder()
    {
        await using var database = await SmallBatchesAsync(batchSize: 2, new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.Zero));
        var platformIds = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            platformIds.Add((await database.PaidPlatformAsync($"Association {i}", new DateOnly(2026, 1, 10))).PlatformId);
        }

        // The job was down for three months: three periods are due for each subscription.
        database.Clock.SetUtcNow(RenewalTime);

        Assert.Equal(9, await database.Get<RenewalService>().RenewDueAsync());

        await using var db = database.CreateContext();
        var numbers = await db.Documents.Where(d => d.Kind == DocumentKind.Invoice).OrderBy(d => d.Id).Select(d => d.Number).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"F-2026-{n:D6}"), numbers);
        foreach (var platformId in platformIds)
        {
            var renewals = await db.Documents.Where(d => d.PlatformId == platformId && d.IdempotencyKey.StartsWith("renewal:"))
                .OrderBy(d => d.Number).ToListAsync();
            Assert.Equal(
                [(new DateOnly(2026, 2, 10), new DateOnly(2026, 3, 10)), (new DateOnly(2026, 3, 10), new DateOnly(2026, 4, 10)), (new DateOnly(2026, 4, 10), new DateOnly(2026, 5, 10))],
                renewals.Select(d => (d.PeriodStart, d.PeriodEnd)));
            var subscription = await db.Subscriptions.SingleAsync(s => s.PlatformId == platformId);
            Assert.Equal((new BillingPeriod(new DateOnly(2026, 4, 10), new DateOnly(2026, 5, 10)), renewals[^1].Id), (subscription.CurrentPeriod!.Value, subscription.Plan!.OpeningInvoiceId));
            var renewalIds = renewals.Select(d => d.Id).ToList();
            Assert.Equal(3, await db.DirectDebits.CountAsync(d => renewalIds.Contains(d.InvoiceId)));
        }
    }

    [Fact]
    public async Task RenewDue_AnotherRunRenewedOneOfTheBatchFirst_FallsBackAndRenewsEachOnce()
    {
        await using var database = await SmallBatchesAsync(batchSize: 10, new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero));
        await OneOfFiveRenewedElsewhereAsync(database);

        Assert.Equal(4, await database.Get<RenewalService>().RenewDueAsync());

        await using var check = database.CreateContext();
        var renewals = await check.Documents.Where(d => d.IdempotencyKey.StartsWith("renewal:")).ToListAsync();
        Assert.Equal(5, renewals.Select(d => d.SubscriptionId).Distinct().Count());
        Assert.All(renewals, d => Assert.Equal(new DateOnly(2026, 4, 10), d.PeriodStart));
        var numbers = await check.Documents.Where(d => d.Kind == DocumentKind.Invoice).Select(d => d.Number).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 10).Select(n => $"F-2026-{n:D6}"), numbers.Order());
        Assert.Equal(5, await check.DirectDebits.CountAsync(d => renewals.Select(r => r.Id).Contains(d.InvoiceId)));
    }

    [Fact]
    public async Task RenewDue_ABatchRolledBackByAConflict_CountsOnlyWhatItsFallbackCommitted_AndWakesTheEmailSender()
    {
        // The app's own counter, as the operations services register it (the test database leaves them out).
        await using var database = await TestDatabase.CreateAsync(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero),
            settings: new Dictionary<string, string?> { ["Billing:RenewalBatchSize"] = "10" },
            configure: s => s.AddMetrics().AddSingleton<PortalMetrics>().AddSingleton<IInterceptor, BusinessEventCounter>());
        await OneOfFiveRenewedElsewhereAsync(database);

        var counted = new Dictionary<string, long>();
        var factory = database.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == factory)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, count, _, _) => counted[instrument.Name] = counted.GetValueOrDefault(instrument.Name) + count);
        listener.Start();
        _ = database.Services.GetRequiredService<PortalMetrics>();
        var signal = database.Services.GetRequiredService<OutboxSignal>();
        // Setting up queued emails already: take those wake-ups, so that only the renewals' can complete this wait.
        Task woken;
        while ((woken = signal.WaitAsync(CancellationToken.None)).IsCompleted)
        {
        }

        // The batch of five rolls back on the third invoice; the fallback renews the four others one by one.
        Assert.Equal(4, await database.Get<RenewalService>().RenewDueAsync());

        Assert.Equal(4, counted.GetValueOrDefault("portal.renewals"));
        Assert.Equal(4, counted.GetValueOrDefault("portal.documents.issued"));
        Assert.Equal(4, counted.GetValueOrDefault("portal.emails.queued"));
        await using var check = database.CreateContext();
        Assert.Equal(5, await check.AuditEntries.CountAsync(a => a.Action == AuditActions.SubscriptionRenewed));
        Assert.Equal(5, await check.OutboxMessages.CountAsync(m => m.Kind == EmailKind.InvoiceIssued && m.QueuedAtUtc == RenewalTime.UtcDateTime));
        Assert.True(woken.IsCompleted, "the sender is woken once the renewals' emails are committed");
    }

    [Fact]
    public async Task RenewDue_TwoInstancesAtOnceInSmallBatches_RenewEachSubscriptionOnceWithGaplessNumbers()
    {
        await using var database = await SmallBatchesAsync(batchSize: 3, new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero));
        for (var i = 0; i < 12; i++)
        {
            await database.PaidPlatformAsync($"Association {i}", Start);
        }

        await using var other = await database.StartInstanceAsync("b");
        database.Clock.SetUtcNow(RenewalTime);

        var runs = await Task.WhenAll(
            Task.Run(() => database.Get<RenewalService>().RenewDueAsync()),
            Task.Run(() => other.Get<RenewalService>().RenewDueAsync()));

        Assert.Equal(12, runs.Sum());
        await using var db = database.CreateContext();
        var renewals = await db.Documents.Where(d => d.IdempotencyKey.StartsWith("renewal:")).Select(d => d.SubscriptionId).ToListAsync();
        Assert.Equal(12, renewals.Distinct().Count());
        Assert.Equal(12, renewals.Count);
        var numbers = await db.Documents.Where(d => d.Kind == DocumentKind.Invoice).Select(d => d.Number).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 24).Select(n => $"F-2026-{n:D6}"), numbers.Order());
        Assert.Equal(12, await db.Subscriptions.CountAsync(s => s.Plan!.PeriodStart == new DateOnly(2026, 4, 10)));
    }

    /// <summary>
    /// Five due subscriptions. Another run renewed the third, but this run reads it as it was before that run committed:
    /// a batch's invoice for it meets the one already issued and the whole batch rolls back.
    /// </summary>
    private static async Task OneOfFiveRenewedElsewhereAsync(TestDatabase database)
    {
        for (var i = 0; i < 5; i++)
        {
            await database.PaidPlatformAsync($"Association {i}", Start);
        }

        database.Clock.SetUtcNow(RenewalTime);
        int renewedElsewhere;
        await using (var db = database.CreateContext())
        {
            renewedElsewhere = (await db.Subscriptions.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync())[2];
        }

        Assert.True(await database.Get<RenewalService>().RenewOnceAsync(renewedElsewhere));
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlAsync($"""UPDATE "Subscriptions" SET "PeriodStart" = {Start}, "PeriodEnd" = {Start.AddMonths(1)} WHERE "Id" = {renewedElsewhere}""");
        }
    }

    private static void AssertEachCarriesItsOwnNumberAndBuyer(IEnumerable<BillingDocument> documents)
    {
        foreach (var document in documents)
        {
            Assert.Equal(document.PdfSha256, StoredBytes.Sha256(document.Pdf));
            var text = PdfReadBack.Of(document.Pdf).Flat;
            Assert.Contains(document.Number, text);
            Assert.Contains(document.BuyerName, text);
            var xml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(FacturXReadBack.Of(document.Pdf).Xml));
            Assert.Equal(document.Number, xml.Root!.Element(Rsm + "ExchangedDocument")!.Element(Ram + "ID")!.Value);
        }
    }

    private static List<string> RenderedAhead(LogCapture log) =>
        [.. log.Entries.Where(e => e.Message.StartsWith("Renewal batch: ", StringComparison.Ordinal)).Select(e => e.Message["Renewal batch: ".Length..^" had to be rendered again.".Length])];

    /// <summary>Batches of four, the renderer counted and the renewal job's debug messages kept.</summary>
    private static Task<TestDatabase> RenderedAheadAsync(CountingRenderer renderer, LogCapture log, IInterceptor? interceptor = null) =>
        TestDatabase.CreateAsync(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero),
            settings: new Dictionary<string, string?> { ["Billing:RenewalBatchSize"] = "4" },
            configure: s =>
            {
                s.AddSingleton<IDocumentRenderer>(renderer);
                s.AddLogging(b => b.AddProvider(log).AddFilter<LogCapture>(typeof(RenewalService).FullName, LogLevel.Debug));
                if (interceptor is not null)
                {
                    s.AddSingleton(interceptor);
                }
            });

    /// <summary>The app's renderer, keeping the number of each document it rendered.</summary>
    private sealed class CountingRenderer : IDocumentRenderer
    {
        private readonly PdfDocumentRenderer inner = new();
        private readonly ConcurrentQueue<string> rendered = new();

        public IReadOnlyList<string> Rendered => [.. rendered];

        public byte[] Render(BillingDocumentModel model)
        {
            rendered.Enqueue(model.Number);
            return inner.Render(model);
        }

        public void Clear() => rendered.Clear();
    }

    /// <summary>Runs some work once, right after the first transaction that commits once armed: between two renewal batches.</summary>
    private sealed class OnceAfterACommit : DbTransactionInterceptor
    {
        private Func<Task>? work;

        public void Arm(Func<Task> then) => work = then;

        public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref work, null) is { } run)
            {
                await run();
            }
        }
    }

    private static Task<TestDatabase> SmallBatchesAsync(int batchSize, DateTimeOffset now) =>
        TestDatabase.CreateAsync(now, settings: new Dictionary<string, string?> { ["Billing:RenewalBatchSize"] = $"{batchSize}" });
}

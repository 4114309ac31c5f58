using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Emails;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Benchmarks.Emails;

/// <summary>
/// Target: queuing adds at most 0.5 ms to a validated change. One operation is what a mid-period upgrade
/// queues inside its transaction — the credit note's email and the invoice's (the debit's pre-notification),
/// each composed in the platform's language and inserted with the change's other rows — measured against the
/// same transaction with nothing queued (the baseline). Both hold what the change holds when it queues: the
/// platform and its mandate read in the transaction, the two documents just issued, the number of the invoice
/// the credit note corrects; and both save what the change saves besides its emails (here its audit entry), so
/// the difference is the emails alone, not a round trip the change makes anyway. Each transaction is rolled
/// back, so every invocation meets the same database.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 10, iterationCount: 20)]
public class OutboxQueueBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 9, 0, 0, TimeSpan.Zero);
    private BenchmarkDatabase database = null!;
    private EmailOutbox emails = null!;
    private BillingDocument invoice = null!;
    private BillingDocument creditNote = null!;
    private DirectDebit debit = null!;
    private string corrected = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        database = await BenchmarkDatabase.CreateAsync(Now);
        emails = database.Services.GetRequiredService<EmailOutbox>();
        var (platformId, admin) = await database.PaidPlatformAsync("Association 000", new DateOnly(2026, 3, 10));
        await using var scope = database.Services.CreateAsyncScope();
        var applied = await scope.ServiceProvider.GetRequiredService<SubscriptionChanges>()
            .ApplyAsync(platformId, new ChangeTarget(CatalogSeed.Professional, 250, Commitment.Monthly), new DateOnly(2026, 3, 20), Actor.From(admin));
        if (applied is not ChangeOutcome.Applied { InvoiceId: { } invoiceId, CreditNoteId: { } creditNoteId, DirectDebitId: { } debitId })
        {
            throw new InvalidOperationException($"Expected an upgrade with both documents and a debit, got {applied}.");
        }

        await using var db = database.CreateContext();
        invoice = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == invoiceId);
        creditNote = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == creditNoteId);
        debit = await db.DirectDebits.AsNoTracking().SingleAsync(d => d.Id == debitId);
        corrected = await db.Documents.Where(d => d.Id == creditNote.CorrectsDocumentId).Select(d => d.Number).SingleAsync();
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await database.DisposeAsync();

    [Benchmark(Baseline = true)]
    public async Task<int> TransactionWithoutEmails()
    {
        await using var db = database.CreateContext();
        await using var tx = await db.Database.BeginTransactionAsync();
        await HoldWhatTheChangeHoldsAsync(db);
        var saved = await db.SaveChangesAsync();
        await tx.RollbackAsync();
        return saved;
    }

    [Benchmark]
    public async Task<int> TransactionQueuingTheChangesTwoEmails()
    {
        await using var db = database.CreateContext();
        await using var tx = await db.Database.BeginTransactionAsync();
        await HoldWhatTheChangeHoldsAsync(db);
        await emails.CreditNoteIssuedAsync(db, creditNote, corrected, (invoice.Number, 10m), 0m);
        await emails.InvoiceIssuedAsync(db, invoice, debit);
        var saved = await db.SaveChangesAsync();
        await tx.RollbackAsync();
        if (saved != 3)
        {
            throw new InvalidOperationException($"Expected two emails and the audit entry saved, got {saved} rows.");
        }

        return saved;
    }

    private async Task HoldWhatTheChangeHoldsAsync(ApplicationDbContext db)
    {
        await db.Platforms.SingleAsync(p => p.Id == invoice.PlatformId);
        await MandateService.ActiveAsync(db, invoice.PlatformId, default);
        db.Documents.AttachRange(invoice, creditNote);
        db.AuditEntries.Add(new AuditEntry(Now.UtcDateTime, invoice.PlatformId, "benchmark", "admin@bench.example", AuditActions.SubscriptionChanged,
            "Serenity, 250 contacts, monthly → Professional, 250 contacts, monthly"));
    }
}

/// <summary>
/// Target: the sender delivers at least 200 messages per second to a local SMTP server. One invocation sends
/// <see cref="Messages"/> queued invoice emails, each with its stored PDF attached, to a real SMTP server on
/// 127.0.0.1 (claimed in batches, one SMTP session per batch, each marked sent on its own); the time shown is per
/// message, so messages per second = 1 s / mean.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class OutboxSenderBenchmarks
{
    private const int Messages = 200;
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 9, 0, 0, TimeSpan.Zero);
    private LocalSmtpServer smtp = null!;
    private BenchmarkDatabase database = null!;
    private EmailOutbox emails = null!;
    private EmailSender sender = null!;
    private BillingDocument invoice = null!;
    private DirectDebit debit = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        smtp = await LocalSmtpServer.StartAsync();
        database = await BenchmarkDatabase.CreateAsync(Now, smtp.Settings());
        emails = database.Services.GetRequiredService<EmailOutbox>();
        sender = database.Services.GetRequiredService<EmailSender>();
        var (platformId, _) = await database.PaidPlatformAsync("Association 000", new DateOnly(2026, 3, 10));
        await using var db = database.CreateContext();
        invoice = await db.Documents.AsNoTracking().Where(d => d.PlatformId == platformId && d.Kind == DocumentKind.Invoice).SingleAsync();
        debit = await db.DirectDebits.AsNoTracking().SingleAsync(d => d.InvoiceId == invoice.Id);
        await sender.SendDueAsync();
    }

    [IterationSetup]
    public void QueueMessages() => QueueAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await database.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public async Task<int> SendQueuedMessages()
    {
        var run = await sender.SendDueAsync();
        if (run.Sent != Messages)
        {
            throw new InvalidOperationException($"Expected {Messages} messages sent, got {run}.");
        }

        return run.Sent;
    }

    private async Task QueueAsync()
    {
        await using var db = database.CreateContext();
        for (var i = 0; i < Messages; i++)
        {
            await emails.InvoiceIssuedAsync(db, invoice, debit);
        }

        await db.SaveChangesAsync();
    }
}

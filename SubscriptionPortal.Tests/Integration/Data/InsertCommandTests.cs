using System.Data.Common;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Data;
using SubscriptionPortal.Emails;
using SubscriptionPortal.Operations;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Tests.Integration.Data;

/// <summary>
/// Rows inserted by <see cref="InsertCommand{TEntity}"/>, on the demo database of the provider under test: the same
/// rows a save writes, their keys on the entities, the same failure on a unique index, and the same counting once
/// the transaction commits.
/// </summary>
public sealed class InsertCommandTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private int platformId;
    private int subscriptionId;
    private int invoiceId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = database.CreateContext();
        (platformId, subscriptionId) = await db.Subscriptions.OrderBy(s => s.Id).Select(s => new ValueTuple<int, int>(s.PlatformId, s.Id)).FirstAsync();
        invoiceId = await db.Documents.Where(d => d.Kind == DocumentKind.Invoice).Select(d => d.Id).FirstAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Insert_WritesADocumentAndItsLine_ColumnForColumnAsASaveWrites()
    {
        var saved = Document("X-2026-000001", invoiceId, "Changement d'offre au 10/02/2026");
        var inserted = Document("X-2026-000002", invoiceId, "Changement d'offre au 10/02/2026");
        var savedWithNulls = Document("X-2026-000003", correctsDocumentId: null, reason: null, siren: null);
        var withNulls = Document("X-2026-000004", correctsDocumentId: null, reason: null, siren: null);
        await using (var db = database.CreateContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Documents.AddRange(saved, savedWithNulls);
            await db.SaveChangesAsync();
            await InsertAsync(db, inserted, withNulls);
            await tx.CommitAsync();
        }

        Assert.NotEqual(0, inserted.Id);
        Assert.NotEqual(saved.Id, inserted.Id);
        await AssertSameRowAsync<BillingDocument>(saved.Id, inserted.Id, "Id", "Number", "IdempotencyKey");
        await AssertSameRowAsync<BillingDocument>(savedWithNulls.Id, withNulls.Id, "Id", "Number", "IdempotencyKey");
        await AssertSameRowAsync<DocumentLine>(saved.Lines[0].Id, inserted.Lines[0].Id, "Id", "DocumentId");
        await using var check = database.CreateContext();
        var read = await check.Documents.Include(d => d.Lines).SingleAsync(d => d.Id == inserted.Id);
        Assert.Equal((inserted.Number, inserted.PdfSha256, inserted.IssuedAtUtc), (read.Number, read.PdfSha256, read.IssuedAtUtc));
        Assert.Equal(inserted.Pdf, read.Pdf);
        Assert.Equal(inserted.Id, Assert.Single(read.Lines).DocumentId);
    }

    [Fact]
    public async Task Insert_LeavesTheEntitiesUntracked_WithTheirKeysSet()
    {
        var first = Document("X-2026-000011", null, null);
        var second = Document("X-2026-000012", null, null);
        await using var db = database.CreateContext();
        await using var tx = await db.Database.BeginTransactionAsync();

        await InsertAsync(db, first, second);

        Assert.Equal(first.Id + 1, second.Id);
        Assert.Equal(EntityState.Detached, db.Entry(first).State);
        Assert.Empty(db.ChangeTracker.Entries<BillingDocument>());
        Assert.Equal(2, await db.Documents.CountAsync(d => d.Number.StartsWith("X-2026-00001")));
    }

    [Fact]
    public async Task Insert_OfARowWhoseKeyTheApplicationChose_WritesThatKey_AndTheRowASaveWrites()
    {
        var saved = Email(onceKey: "test:saved");
        var inserted = Email(onceKey: "test:inserted");
        var id = inserted.Id;
        await using (var db = database.CreateContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.OutboxMessages.Add(saved);
            await db.SaveChangesAsync();
            await using (var rows = InsertCommand<OutboxMessage>.Create(db))
            {
                await rows.InsertAsync(inserted);
            }

            await tx.CommitAsync();
        }

        Assert.Equal(id, inserted.Id);
        await AssertSameRowAsync<OutboxMessage>(saved.Id, inserted.Id, "Id", "OnceKey");
        await using var check = database.CreateContext();
        Assert.Equal("test:inserted", (await check.OutboxMessages.SingleAsync(m => m.Id == id)).OnceKey);
    }

    [Fact]
    public async Task InsertAdded_WritesTheAddedRowsOfOneType_AndLeavesEverythingElseToTheSave()
    {
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var first = Actor.Job("Test").Entry(now, platformId, "test.inserted", "First.");
        var second = Actor.Job("Test").Entry(now, platformId, "test.inserted", "Second.");
        var email = Email(onceKey: "test:left-to-the-save");
        await using (var db = database.CreateContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var platform = await db.Platforms.SingleAsync(p => p.Id == platformId);
            db.AuditEntries.AddRange(first, second);
            db.OutboxMessages.Add(email);
            platform.SetBalance(platform.BalanceCents + 1234);

            await db.InsertAddedAsync<AuditEntry>();

            Assert.NotEqual(0, first.Id);
            Assert.NotEqual(first.Id, second.Id);
            Assert.Equal(EntityState.Detached, db.Entry(first).State);
            Assert.Equal(EntityState.Detached, db.Entry(second).State);
            Assert.Equal((EntityState.Added, EntityState.Modified), (db.Entry(email).State, db.Entry(platform).State));
            Assert.Equal(2, await db.SaveChangesAsync());
            await tx.CommitAsync();
        }

        await using var check = database.CreateContext();
        Assert.Equal(["First.", "Second."], (await check.AuditEntries.Where(a => a.Action == "test.inserted").Select(a => a.Details).ToListAsync()).Order());
        Assert.True(await check.OutboxMessages.AnyAsync(m => m.OnceKey == "test:left-to-the-save"));
    }

    [Fact]
    public async Task InsertAdded_WithNothingAdded_NeedsNoTransaction_AndWritesNothing()
    {
        await using var db = database.CreateContext();
        var before = await db.AuditEntries.CountAsync();

        await db.InsertAddedAsync<AuditEntry>();

        Assert.Equal(before, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task Insert_OfAnIdempotencyKeyAlreadyStored_FailsWithTheUniqueViolationASaveReports()
    {
        await using var db = database.CreateContext();
        var taken = await db.Documents.Select(d => d.IdempotencyKey).FirstAsync();
        await using var tx = await db.Database.BeginTransactionAsync();

        var ex = await Assert.ThrowsAsync<DbUpdateException>(() => InsertAsync(db, Document("X-2026-000021", null, null, idempotencyKey: taken)));

        Assert.True(ex.IsUniqueViolation());
    }

    [Fact]
    public async Task Create_OutsideATransaction_IsRefused()
    {
        await using var db = database.CreateContext();

        Assert.Throws<InvalidOperationException>(() => InsertCommand<BillingDocument>.Create(db));
    }

    [Fact]
    public async Task Insert_CountsTheDocumentIssued_OnlyOnceItsTransactionCommits()
    {
        // The app's own counter, as the operations services register it (the test database leaves them out).
        await using var counted = await TestDatabase.CreateAsync(seedDemo: true, configure: s => s.AddMetrics()
            .AddSingleton<PortalMetrics>().AddSingleton<IInterceptor, BusinessEventCounter>());
        var issued = new List<(long Count, string? Kind)>();
        var factory = counted.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Name == "portal.documents.issued")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, count, tags, _) => issued.Add((count, tags.ToArray().Single(t => t.Key == "kind").Value?.ToString())));
        listener.Start();
        _ = counted.Services.GetRequiredService<PortalMetrics>();

        await using (var db = counted.CreateContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await InsertAsync(db, Document("X-2026-000031", null, null));
            await tx.RollbackAsync();
        }

        Assert.Empty(issued);
        await using (var db = counted.CreateContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await InsertAsync(db, Document("X-2026-000032", null, null), Document("X-2026-000033", null, null));
            Assert.Empty(issued);
            await tx.CommitAsync();
        }

        Assert.Equal(2, issued.Sum(i => i.Count));
        Assert.All(issued, i => Assert.Equal("invoice", i.Kind));

        // A transaction left by an exception, neither committed nor rolled back, and then a save outside any
        // transaction on the same context (as a pooled context's next user may do): what it inserted is not counted.
        issued.Clear();
        await using (var db = counted.CreateContext())
        {
            await using (var abandoned = await db.Database.BeginTransactionAsync())
            {
                await InsertAsync(db, Document("X-2026-000034", null, null));
            }

            db.AuditEntries.Add(Actor.Job("Test").Entry(counted.Clock.GetUtcNow().UtcDateTime, platformId, "test", "A save after an abandoned transaction."));
            await db.SaveChangesAsync();
        }

        Assert.Empty(issued);
    }

    private static Task InsertAsync(ApplicationDbContext db, params BillingDocument[] documents) => DocumentIssuer.InsertAsync(db, documents);

    private BillingDocument Document(string number, int? correctsDocumentId, string? reason, string? siren = "552100554", string? idempotencyKey = null)
    {
        var document = new BillingDocument(DocumentKind.Invoice, number, platformId, subscriptionId, idempotencyKey ?? $"test:{number}",
            new DateOnly(2026, 2, 10), new DateTime(2026, 2, 10, 6, 0, 0, 123, DateTimeKind.Utc).AddTicks(4560),
            new DateOnly(2026, 2, 10), new DateOnly(2026, 3, 10), "Chorale du Marais", "4 place des Vosges\n75004 Paris\nFrance", siren,
            4000, 2000, 800, 150, 4650, correctsDocumentId, reason,
            [new DocumentLine(1, "Sérénité — jusqu'à 250 contacts — mensuel", new DateOnly(2026, 2, 10), new DateOnly(2026, 3, 10), 1, 4000, 4000)],
            "fr-FR");
        document.AttachPdf([.. "%PDF-1.7 test"u8, 0, 1, 2, 255]);
        return document;
    }

    private OutboxMessage Email(string onceKey) => new(Guid.NewGuid(), platformId, EmailKind.InvoiceIssued, "fr-FR", "tresorier@example.org",
        "Facture X-2026-000001", "<p>Bonjour</p>", "Bonjour", invoiceId, "X-2026-000001.pdf", new DateTime(2026, 2, 10, 6, 0, 0, 456, DateTimeKind.Utc), onceKey);

    private async Task AssertSameRowAsync<TEntity>(object expectedId, object actualId, params string[] differing)
    {
        var expected = await RowAsync<TEntity>(expectedId);
        var actual = await RowAsync<TEntity>(actualId);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (column, value) in expected.Where(c => !differing.Contains(c.Key)))
        {
            Assert.True(Equals(value, actual[column]) || (value is byte[] bytes && actual[column] is byte[] other && bytes.SequenceEqual(other)),
                $"{typeof(TEntity).Name}.{column}: saved {value} ({value?.GetType().Name}), inserted {actual[column]} ({actual[column]?.GetType().Name})");
        }
    }

    private async Task<Dictionary<string, object?>> RowAsync<TEntity>(object id)
    {
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();
        await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
        // The key as the provider stores it (a Guid is text on SQLite), through the model's own mapping.
        var entityType = db.Model.FindEntityType(typeof(TEntity))!;
        command.Parameters.Add(entityType.FindPrimaryKey()!.Properties[0].GetRelationalTypeMapping().CreateParameter(command, "@id", id));
        command.CommandText = $"SELECT * FROM \"{entityType.GetTableName()}\" WHERE \"Id\" = @id";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i));
    }
}

using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Billing.Pdf;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Emails;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Tests.Integration.Subscriptions;

public sealed class SubscriptionChangesTests
{
    // 2026-03-20 10:00 in Paris.
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly PeriodStart = new(2026, 3, 10);
    private static readonly ChangeTarget ToProfessional = new(CatalogSeed.Professional, 250, Commitment.Monthly);

    [Fact]
    public async Task Validate_UpgradeMidMonth_IssuesTheCsvAmountsAndChangesTheSubscription()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", PeriodStart);
        var quote = await database.QuoteAsync(admin, ToProfessional);

        var applied = Assert.IsType<ChangeOutcome.Applied>(await database.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id));

        await using var db = database.CreateContext();
        var credit = await db.Documents.Include(d => d.Lines).SingleAsync(d => d.Id == applied.CreditNoteId);
        var invoice = await db.Documents.Include(d => d.Lines).SingleAsync(d => d.Id == applied.InvoiceId);
        var opening = await db.Documents.SingleAsync(d => d.PlatformId == platformId && d.IdempotencyKey != invoice.IdempotencyKey && d.Kind == DocumentKind.Invoice);
        Assert.Equal((2710, 542, 3252), (credit.TotalExcludingVatCents, credit.VatCents, credit.TotalIncludingVatCents));
        Assert.Equal(opening.Id, credit.CorrectsDocumentId);
        Assert.Equal((7500, 1500, 9000), (invoice.TotalExcludingVatCents, invoice.VatCents, invoice.TotalIncludingVatCents));
        Assert.Equal((new DateOnly(2026, 3, 20), new DateOnly(2026, 4, 20)), (invoice.PeriodStart, invoice.PeriodEnd));
        Assert.Equal(5748, invoice.AmountDueCents);
        Assert.Matches(@"^F-2026-\d{6}$", invoice.Number);
        Assert.Matches(@"^A-2026-\d{6}$", credit.Number);

        var debit = await db.DirectDebits.SingleAsync(d => d.Id == applied.DirectDebitId);
        Assert.Equal((5748L, new DateOnly(2026, 3, 23), DirectDebitStatus.Scheduled, invoice.Id), (debit.AmountCents, debit.CollectionDate, debit.Status, debit.InvoiceId));

        var subscription = await db.Subscriptions.SingleAsync(s => s.PlatformId == platformId);
        Assert.Equal((CatalogSeed.Professional, 250, Commitment.Monthly), (subscription.OfferCode, subscription.Plan!.TierMaxContacts, subscription.Plan.Commitment));
        Assert.Equal(new BillingPeriod(new DateOnly(2026, 3, 20), new DateOnly(2026, 4, 20)), subscription.CurrentPeriod);
        Assert.Equal(new DateOnly(2026, 3, 20), subscription.Plan!.AnchorDate);
        Assert.Equal(invoice.Id, subscription.Plan!.OpeningInvoiceId);
        Assert.Single(await db.AuditEntries.Where(a => a.PlatformId == platformId && a.Action == "subscription.changed" && a.Details.Contains(invoice.Number)).ToListAsync());
    }

    [Fact]
    public async Task Validate_DocumentsCarryPdfsWhoseHashesMatch()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (_, admin) = await database.PaidPlatformAsync("Chorale", PeriodStart);
        var quote = await database.QuoteAsync(admin, ToProfessional);
        var applied = Assert.IsType<ChangeOutcome.Applied>(await database.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id));

        await using var db = database.CreateContext();
        foreach (var id in new[] { applied.InvoiceId!.Value, applied.CreditNoteId!.Value })
        {
            var document = await db.Documents.SingleAsync(d => d.Id == id);
            Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(document.Pdf, 0, 5));
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(document.Pdf)), document.PdfSha256);
        }
    }

    [Fact]
    public async Task Validate_SameQuoteTwentyTimesConcurrently_IssuesOneCreditNoteOneInvoiceOneDebit()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", PeriodStart);
        var quote = await database.QuoteAsync(admin, ToProfessional);
        var changes = database.Get<SubscriptionChanges>();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => changes.ValidateAsync(admin, quote.Id))));

        var applied = outcomes.Select(o => Assert.IsType<ChangeOutcome.Applied>(o)).ToList();
        Assert.Single(applied.Select(a => (a.InvoiceId, a.CreditNoteId, a.DirectDebitId)).Distinct());
        Assert.Single(applied, a => !a.Replayed);
        await using var db = database.CreateContext();
        Assert.Equal(2, await db.Documents.CountAsync(d => d.PlatformId == platformId && d.Kind == DocumentKind.Invoice));
        Assert.Equal(1, await db.Documents.CountAsync(d => d.PlatformId == platformId && d.Kind == DocumentKind.CreditNote));
        Assert.Equal(2, await db.DirectDebits.CountAsync(d => d.PlatformId == platformId));
    }

    [Fact]
    public async Task Validate_FiftyPlatformsConcurrently_NumbersAreGaplessAndUnique()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var platforms = new List<(int PlatformId, System.Security.Claims.ClaimsPrincipal Admin)>();
        for (var i = 0; i < 50; i++)
        {
            platforms.Add(await database.PaidPlatformAsync($"Association {i}", PeriodStart));
        }

        var quotes = new List<(System.Security.Claims.ClaimsPrincipal Admin, Guid QuoteId)>();
        foreach (var (_, admin) in platforms)
        {
            quotes.Add((admin, (await database.QuoteAsync(admin, ToProfessional)).Id));
        }

        var changes = database.Get<SubscriptionChanges>();
        var outcomes = await Task.WhenAll(quotes.Select(q => Task.Run(() => changes.ValidateAsync(q.Admin, q.QuoteId))));

        Assert.All(outcomes, o => Assert.False(Assert.IsType<ChangeOutcome.Applied>(o).Replayed));
        await using var db = database.CreateContext();
        var invoiceNumbers = await db.Documents.Where(d => d.Kind == DocumentKind.Invoice).Select(d => d.Number).ToListAsync();
        var creditNumbers = await db.Documents.Where(d => d.Kind == DocumentKind.CreditNote).Select(d => d.Number).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 100).Select(n => $"F-2026-{n:D6}"), invoiceNumbers.Order());
        Assert.Equal(Enumerable.Range(1, 50).Select(n => $"A-2026-{n:D6}"), creditNumbers.Order());
    }

    [Fact]
    public async Task Validate_FaultRenderingTheInvoice_PersistsNothingAndKeepsTheNextNumbers()
    {
        var renderer = new FailingRenderer();
        await using var database = await TestDatabase.CreateAsync(Now, configure: s => s.AddSingleton<IDocumentRenderer>(renderer));
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", PeriodStart);
        var quote = await database.QuoteAsync(admin, ToProfessional);
        var invoicesBefore = await database.CounterAsync("F", 2026);
        var creditsBefore = await database.CounterAsync("A", 2026);
        renderer.FailOnInvoice = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() => database.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id));

        await AssertNothingPersistedAsync(database, platformId, quote.Id, invoicesBefore, creditsBefore);
        renderer.FailOnInvoice = false;
        var applied = Assert.IsType<ChangeOutcome.Applied>(await database.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id));
        Assert.Equal($"A-2026-{creditsBefore + 1:D6}", applied.CreditNoteNumber);
        Assert.Equal($"F-2026-{invoicesBefore + 1:D6}", applied.InvoiceNumber);
    }

    [Fact]
    public async Task Validate_FaultAfterBothDocumentsAreSaved_RollsThemBackAndKeepsTheNextNumbers()
    {
        var fault = new FailingLastSave();
        await using var database = await TestDatabase.CreateAsync(Now, configure: s => s.AddSingleton<IInterceptor>(fault));
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", PeriodStart);
        var quote = await database.QuoteAsync(admin, ToProfessional);
        var invoicesBefore = await database.CounterAsync("F", 2026);
        var creditsBefore = await database.CounterAsync("A", 2026);
        fault.QuoteId = quote.Id;
        fault.Armed = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() => database.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id));

        Assert.True(fault.DocumentsWereSaved);
        await AssertNothingPersistedAsync(database, platformId, quote.Id, invoicesBefore, creditsBefore);
        fault.Armed = false;
        var applied = Assert.IsType<ChangeOutcome.Applied>(await database.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id));
        Assert.Equal($"A-2026-{creditsBefore + 1:D6}", applied.CreditNoteNumber);
        Assert.Equal($"F-2026-{invoicesBefore + 1:D6}", applied.InvoiceNumber);
    }

    [Fact]
    [Trait("Category", SqliteOnly.Category)]
    public async Task OnSqlite_TheQuoteIsStoredWithoutWaitingForTheDisk_AndTheValidationThatChargesWaitsForIt()
    {
        SqliteOnly.Require();
        var probe = new SynchronousProbe();
        await using var database = await TestDatabase.CreateAsync(Now, configure: s => s.AddSingleton<IInterceptor>(probe));
        var (_, admin) = await database.PaidPlatformAsync("Chorale", PeriodStart);
        probe.Saves.Clear();

        var quote = await database.QuoteAsync(admin, ToProfessional);
        Assert.IsType<ChangeOutcome.Applied>(await database.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id));

        // SQLite's values of PRAGMA synchronous: 1 is NORMAL (no sync at commit in WAL mode), 2 is FULL.
        Assert.Equal(1L, Assert.Single(probe.Saves, s => s.Quote == EntityState.Added).Synchronous);
        Assert.Equal(2L, Assert.Single(probe.Saves, s => s.Quote == EntityState.Modified).Synchronous);
    }

    private static async Task AssertNothingPersistedAsync(TestDatabase database, int platformId, Guid quoteId, int invoicesBefore, int creditsBefore)
    {
        Assert.Equal(invoicesBefore, await database.CounterAsync("F", 2026));
        Assert.Equal(creditsBefore, await database.CounterAsync("A", 2026));
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Documents.CountAsync(d => d.Kind == DocumentKind.CreditNote));
        Assert.Equal(1, await db.Documents.CountAsync(d => d.PlatformId == platformId));
        Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.PlatformId == platformId && m.Kind == EmailKind.CreditNoteIssued));
        Assert.Equal(CatalogSeed.Serenity, (await db.Subscriptions.SingleAsync(s => s.PlatformId == platformId)).OfferCode);
        Assert.Null((await db.Quotes.SingleAsync(q => q.Id == quoteId)).ValidatedAtUtc);
    }

    [Fact]
    public async Task Validate_QuoteFromTheDayBefore_IsRequotedAndWritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", PeriodStart);
        var quote = await database.QuoteAsync(admin, ToProfessional);
        database.Clock.Advance(TimeSpan.FromDays(1));

        var outcome = await database.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id);

        var requote = Assert.IsType<ChangeOutcome.Requote>(outcome);
        Assert.NotEqual(quote.Id, requote.NewQuote.Id);
        Assert.Equal(new DateOnly(2026, 3, 21), requote.NewQuote.LocalDate);
        Assert.True(requote.NewQuote.CreditNote!.IncludingVat < quote.CreditNote!.IncludingVat);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Documents.CountAsync(d => d.PlatformId == platformId));
        Assert.Equal(CatalogSeed.Serenity, (await db.Subscriptions.SingleAsync(s => s.PlatformId == platformId)).OfferCode);
    }

    [Fact]
    public async Task Validate_AfterAnotherChangeOfTheSameSubscription_IsAConflictAndWritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", PeriodStart);
        var first = await database.QuoteAsync(admin, ToProfessional);
        var second = await database.QuoteAsync(admin, new ChangeTarget(CatalogSeed.Serenity, 500, Commitment.Annual));
        Assert.IsType<ChangeOutcome.Applied>(await database.Get<SubscriptionChanges>().ValidateAsync(admin, first.Id));
        await using var before = database.CreateContext();
        var documents = await before.Documents.CountAsync();

        var outcome = await database.Get<SubscriptionChanges>().ValidateAsync(admin, second.Id);

        Assert.Equal(SubscriptionChanges.ConflictMessage, Assert.IsType<ChangeOutcome.Conflict>(outcome).Message);
        await using var db = database.CreateContext();
        Assert.Equal(documents, await db.Documents.CountAsync());
        Assert.Equal(CatalogSeed.Professional, (await db.Subscriptions.SingleAsync(s => s.PlatformId == platformId)).OfferCode);
    }

    [Fact]
    public async Task Validate_AnotherPlatformsQuote_IsNotFoundAndWritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (_, victim) = await database.PaidPlatformAsync("Chorale", PeriodStart);
        var (_, intruder) = await database.PaidPlatformAsync("Club", PeriodStart);
        var quote = await database.QuoteAsync(victim, ToProfessional);

        var outcome = await database.Get<SubscriptionChanges>().ValidateAsync(intruder, quote.Id);

        Assert.IsType<ChangeOutcome.NotFound>(outcome);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Documents.CountAsync(d => d.Kind == DocumentKind.CreditNote));
    }

    [Fact]
    public async Task Quote_PaidToFree_IsRefusedByTheService()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (_, admin) = await database.PaidPlatformAsync("Chorale", PeriodStart);

        var outcome = await database.Get<SubscriptionChanges>().QuoteAsync(admin, new ChangeTarget(CatalogSeed.Liberty, null, null));

        Assert.Contains("cannot become free", Assert.IsType<QuoteOutcome.Refused>(outcome).Message);
    }

    [Theory]
    [InlineData("platinum", 250, "does not exist")]
    [InlineData(CatalogSeed.Professional, 300, "no tier for 300")]
    [InlineData(CatalogSeed.Serenity, 50, "contacts in use")]
    public async Task Quote_BadTarget_IsRefusedWithAMessage(string offer, int tier, string message)
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (_, admin) = await database.PaidPlatformAsync("Chorale", PeriodStart, contacts: 180);

        var outcome = await database.Get<SubscriptionChanges>().QuoteAsync(admin, new ChangeTarget(offer, tier, Commitment.Monthly));

        Assert.Contains(message, Assert.IsType<QuoteOutcome.Refused>(outcome).Message);
    }

    [Fact]
    public async Task Validate_DowngradeWithCreditAboveTheNewInvoice_KeepsTheRestAsBalanceAndDebitsNothing()
    {
        await using var database = await TestDatabase.CreateAsync(new DateTimeOffset(2026, 4, 25, 10, 0, 0, TimeSpan.Zero));
        var (platformId, admin) = await database.PaidPlatformAsync("Club", new DateOnly(2026, 1, 15), CatalogSeed.Professional, 1000, Commitment.Annual);
        var quote = await database.QuoteAsync(admin, new ChangeTarget(CatalogSeed.Serenity, 1000, Commitment.Monthly));

        var applied = Assert.IsType<ChangeOutcome.Applied>(await database.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id));

        Assert.Null(applied.DirectDebitId);
        await using var db = database.CreateContext();
        Assert.Equal(114658, (await db.Platforms.SingleAsync(p => p.Id == platformId)).BalanceCents);
        var invoice = await db.Documents.SingleAsync(d => d.Id == applied.InvoiceId);
        Assert.Equal((10800L, 0L), (invoice.TotalIncludingVatCents, invoice.AmountDueCents));
        Assert.Equal(125458, (await db.Documents.SingleAsync(d => d.Id == applied.CreditNoteId)).TotalIncludingVatCents);
    }

    [Fact]
    public async Task Validate_FreeToPaidWithoutAMandate_IsRefusedAndWritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.FreePlatformAsync("Vélo");
        var quote = await database.QuoteAsync(admin, new ChangeTarget(CatalogSeed.Serenity, 50, Commitment.Annual));
        Assert.True(quote.RequiresMandate);

        var outcome = await database.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id);

        Assert.Contains("mandate", Assert.IsType<ChangeOutcome.Refused>(outcome).Message);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Documents.CountAsync(d => d.PlatformId == platformId));
    }

    [Fact]
    public async Task Validate_FreeToPaidWithAnInvalidIban_IsRefusedAndWritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.FreePlatformAsync("Vélo");
        var quote = await database.QuoteAsync(admin, new ChangeTarget(CatalogSeed.Serenity, 50, Commitment.Annual));

        var outcome = await database.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id,
            new MandateForm { AccountHolder = "Les Amis du Vélo", Iban = "FR7630006000011234567890188", Authorised = true });

        Assert.IsType<ChangeOutcome.Refused>(outcome);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Mandates.CountAsync(m => m.PlatformId == platformId));
        Assert.Equal(0, await db.Documents.CountAsync(d => d.PlatformId == platformId));
    }

    [Fact]
    public async Task Validate_FreeToPaidWithAMandate_InvoicesAFullPeriodAndKeepsTheContacts()
    {
        await using var database = await TestDatabase.CreateAsync(new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero));
        var (platformId, admin) = await database.FreePlatformAsync("Vélo", contacts: 40);
        var quote = await database.QuoteAsync(admin, new ChangeTarget(CatalogSeed.Serenity, 50, Commitment.Annual));

        var applied = Assert.IsType<ChangeOutcome.Applied>(await database.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id,
            new MandateForm { AccountHolder = "Les Amis du Vélo", Iban = "FR76 3000 6000 0112 3456 7890 189", Authorised = true }));

        Assert.Null(applied.CreditNoteId);
        await using var db = database.CreateContext();
        var invoice = await db.Documents.SingleAsync(d => d.Id == applied.InvoiceId);
        Assert.Equal((19200L, 3840L, 23040L), (invoice.TotalExcludingVatCents, invoice.VatCents, invoice.AmountDueCents));
        Assert.Equal(new DateOnly(2027, 6, 1), invoice.PeriodEnd);
        Assert.Equal(40, await db.Contacts.CountAsync(c => c.PlatformId == platformId));
        Assert.Equal(1, await db.Mandates.CountAsync(m => m.PlatformId == platformId));
    }

    [Fact]
    public async Task Validate_WithoutSavepoints_LeavesThePooledContextsItReturnsWithTheirSavepoints()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (_, admin) = await database.PaidPlatformAsync("Chorale", PeriodStart);
        var quote = await database.QuoteAsync(admin, ToProfessional);

        Assert.IsType<ChangeOutcome.Applied>(await database.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id));

        // The validation's transaction saves without savepoints; the contexts it gives back to the pool must not keep that
        // for the next user, whose failed save inside a transaction may be caught and the transaction carried on.
        // Held all at once, so every context the pool keeps is handed out, whatever order it returns them in.
        var factory = database.Get<IDbContextFactory<ApplicationDbContext>>();
        var contexts = new List<ApplicationDbContext>();
        for (var i = 0; i < 16; i++)
        {
            contexts.Add(await factory.CreateDbContextAsync());
        }

        Assert.All(contexts, db => Assert.True(db.Database.AutoSavepointsEnabled));
        foreach (var db in contexts)
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task Validate_AnotherPlatformsQuoteWithAMandateForm_IsNotFoundAndSignsNothing()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (_, victim) = await database.FreePlatformAsync("Chorale");
        var (intruderId, intruder) = await database.FreePlatformAsync("Club");
        var quote = await database.QuoteAsync(victim, new ChangeTarget(CatalogSeed.Serenity, 50, Commitment.Annual));

        var outcome = await database.Get<SubscriptionChanges>().ValidateAsync(intruder, quote.Id,
            new MandateForm { AccountHolder = "Club", Iban = "FR76 3000 6000 0112 3456 7890 189", Authorised = true });

        Assert.IsType<ChangeOutcome.NotFound>(outcome);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Mandates.CountAsync(m => m.PlatformId == intruderId));
        Assert.Equal(0, await db.Documents.CountAsync());
    }

    [Fact]
    public async Task Validate_AnAlreadyValidatedQuoteWithAMandateForm_ReplaysTheFirstResultAndSignsNoSecondMandate()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.FreePlatformAsync("Vélo");
        var quote = await database.QuoteAsync(admin, new ChangeTarget(CatalogSeed.Serenity, 50, Commitment.Annual));
        var form = new MandateForm { AccountHolder = "Les Amis du Vélo", Iban = "FR76 3000 6000 0112 3456 7890 189", Authorised = true };
        var first = Assert.IsType<ChangeOutcome.Applied>(await database.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id, form));

        var again = Assert.IsType<ChangeOutcome.Applied>(await database.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id, form));

        Assert.True(again.Replayed);
        Assert.Equal((first.InvoiceId, first.InvoiceNumber, first.DirectDebitId), (again.InvoiceId, again.InvoiceNumber, again.DirectDebitId));
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Mandates.CountAsync(m => m.PlatformId == platformId));
        Assert.Equal(1, await db.Documents.CountAsync(d => d.PlatformId == platformId));
    }

    [Fact]
    public async Task Validate_AQuoteIdNobodyIssued_IsNotFoundAndWritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", PeriodStart);
        await using var before = database.CreateContext();
        var documents = await before.Documents.CountAsync();

        var outcome = await database.Get<SubscriptionChanges>().ValidateAsync(admin, Guid.NewGuid());

        Assert.IsType<ChangeOutcome.NotFound>(outcome);
        await using var db = database.CreateContext();
        Assert.Equal(documents, await db.Documents.CountAsync());
        Assert.Equal(CatalogSeed.Serenity, (await db.Subscriptions.SingleAsync(s => s.PlatformId == platformId)).OfferCode);
    }

    private sealed class FailingRenderer : IDocumentRenderer
    {
        private readonly PdfDocumentRenderer real = new();

        public bool FailOnInvoice { get; set; }

        public byte[] Render(BillingDocumentModel model) =>
            FailOnInvoice && model.Kind == DocumentKind.Invoice
                ? throw new InvalidOperationException("Injected fault: the invoice could not be rendered.")
                : real.Render(model);
    }

    /// <summary>
    /// Reads SQLite's <c>synchronous</c> setting on the connection as each save that adds or changes a quote begins (none
    /// when the save has not opened it yet, as a plain save has not).
    /// </summary>
    private sealed class SynchronousProbe : SaveChangesInterceptor
    {
        public ConcurrentQueue<(EntityState Quote, long? Synchronous)> Saves { get; } = new();

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var context = eventData.Context!;
            if (context.ChangeTracker.Entries<Quote>().FirstOrDefault(e => e.State is EntityState.Added or EntityState.Modified) is { } quote)
            {
                var synchronous = context.Database.GetDbConnection().State == System.Data.ConnectionState.Open
                    ? await SqlitePragma.ReadAsync(context, "PRAGMA synchronous;", cancellationToken)
                    : (long?)null;
                Saves.Enqueue((quote.State, synchronous));
            }

            return await base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }

    /// <summary>
    /// Fails the validation's save, which marks the quote validated: by then its documents, debit, emails and audit entry
    /// are written in its transaction.
    /// </summary>
    private sealed class FailingLastSave : SaveChangesInterceptor
    {
        public bool Armed { get; set; }

        public Guid QuoteId { get; set; }

        public bool DocumentsWereSaved { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var context = eventData.Context!;
            if (Armed && context.ChangeTracker.Entries<Quote>().Any(e => e.Entity.Id == QuoteId && e.Entity.ValidatedAtUtc is not null))
            {
                // Inserted outside the change tracker: the transaction's own reads see them.
                var prefix = $"quote:{QuoteId:N}:";
                var documents = await context.Set<BillingDocument>().Where(d => d.IdempotencyKey.StartsWith(prefix)).Select(d => d.Id).ToListAsync(cancellationToken);
                DocumentsWereSaved = documents.Count == 2
                    && await context.Set<DirectDebit>().AnyAsync(d => documents.Contains(d.InvoiceId), cancellationToken)
                    && await context.Set<AuditEntry>().AnyAsync(a => a.Action == AuditActions.SubscriptionChanged && a.Details.Contains("Professional"), cancellationToken);
                throw new InvalidOperationException("Injected fault: the change's last save failed.");
            }

            return await base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}

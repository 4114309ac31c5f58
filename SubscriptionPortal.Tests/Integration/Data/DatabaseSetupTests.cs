using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Tests.Integration.Data;

public sealed class DatabaseSetupTests
{
    [Fact]
    public async Task FreshDatabase_IsMigratedWithTheCatalog()
    {
        await using var database = await TestDatabase.CreateAsync(fromTemplate: false);
        await using var db = database.CreateContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var offers = await db.Offers.Include(o => o.Tiers).OrderBy(o => o.Rank).ThenBy(o => o.Code).ToListAsync();
        Assert.Equal(["liberty", "payment", "serenity", "professional"], offers.Select(o => o.Code));
        Assert.Equal(6, offers.Single(o => o.Code == "serenity").Tiers.Count);
        Assert.Equal(35000, offers.Single(o => o.Code == "professional").Tiers.Max(t => t.MonthlyPriceCents));
        Assert.Equal(2000, (await db.CatalogSettings.SingleAsync()).VatRateBasisPoints);
    }

    [Fact]
    public async Task FreshDatabase_HasItsProvidersOwnSetUp()
    {
        await using var database = await TestDatabase.CreateAsync(fromTemplate: false);
        await using var db = database.CreateContext();

        if (TestDatabase.Provider == DatabaseProvider.Postgres)
        {
            // PostgreSQL's own migrations, and text compared byte by byte as SQLite does.
            Assert.IsType<PostgresDbContext>(db);
            var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
            Assert.EndsWith("_InitialPostgres", applied[0]);
            Assert.Equal(db.Database.GetMigrations(), applied);
            var collations = await db.Database.SqlQuery<string>($"""
                SELECT DISTINCT coalesce(collation_name, 'default') AS "Value" FROM information_schema.columns
                WHERE table_schema = 'public' AND data_type IN ('text', 'character varying') AND table_name <> '__EFMigrationsHistory'
                """).ToListAsync();
            Assert.Equal(["C"], collations);
        }
        else
        {
            Assert.IsNotType<PostgresDbContext>(db);
            var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
            Assert.Equal("wal", mode.Single());
            // A writer waits for another inside SQLite, as long as the connection string's timeout (30 s).
            var busyTimeout = await db.Database.SqlQueryRaw<int>("PRAGMA busy_timeout").ToListAsync();
            Assert.Equal(30_000, busyTimeout.Single());
        }
    }

    [Fact]
    public async Task FreshDatabase_HoldsTheDataProtectionKeyRing()
    {
        await using var database = await TestDatabase.CreateAsync(fromTemplate: false);
        await using var db = database.CreateContext();

        var key = Assert.Single(await db.DataProtectionKeys.ToListAsync());
        Assert.Contains("<key ", key.Xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoSeed_CreatesTheSpecAccountsPlatformsAndContacts()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true, fromTemplate: false);
        await using var db = database.CreateContext();

        var users = await db.Users.Select(u => u.Email).OrderBy(e => e).ToListAsync();
        Assert.Equal(["liberty@demo.test", "pro@demo.test", "serenity@demo.test", "support@demo.test"], users);

        var platforms = await db.Platforms.ToDictionaryAsync(p => p.Name, p => p.Id);
        Assert.Equal(40, await db.Contacts.CountAsync(c => c.PlatformId == platforms["Les Amis du Vélo"] && !c.IsArchived));
        Assert.Equal(180, await db.Contacts.CountAsync(c => c.PlatformId == platforms["Chorale du Marais"] && !c.IsArchived));
        Assert.Equal(320, await db.Contacts.CountAsync(c => c.PlatformId == platforms["Club Nautique de Lyon"] && !c.IsArchived));
    }

    [Fact]
    public async Task DemoDatabase_CopiedFromItsTemplate_HoldsWhatAFreshSeedAtTheSameInstantWrites()
    {
        var seededAt = new DateTimeOffset(2026, 5, 12, 8, 30, 0, TimeSpan.Zero);
        await using var fresh = await TestDatabase.CreateAsync(seededAt, seedDemo: true, fromTemplate: false);
        await using var copy = await TestDatabase.CreateAsync(seededAt, seedDemo: true);

        var expected = await DemoRowsAsync(fresh);
        Assert.Contains(expected, row => row.StartsWith("invoice F-2026-", StringComparison.Ordinal));
        Assert.Equal(expected, await DemoRowsAsync(copy));
    }

    /// <summary>The demo's rows that carry its dates and amounts, one line each, in a stable order.</summary>
    private static async Task<List<string>> DemoRowsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var platforms = (await db.Platforms.ToListAsync()).Select(p => $"platform {p.Name} {p.CreatedAtUtc:O}");
        var documents = (await db.Documents.ToListAsync())
            .Select(d => $"{d.Kind.ToString().ToLowerInvariant()} {d.Number} {d.IssueDate} {d.IssuedAtUtc:O} {d.PeriodStart}-{d.PeriodEnd} {d.TotalExcludingVatCents} {d.VatCents} {d.AmountDueCents}");
        var debits = (await db.DirectDebits.ToListAsync()).Select(d => $"debit {d.AmountCents} {d.CollectionDate} {d.Status} {d.CreatedAtUtc:O}");
        var subscriptions = (await db.Subscriptions.ToListAsync()).Select(s => $"subscription {s.PlatformId} {s.OfferCode} {s.Plan?.TierMaxContacts} {s.Plan?.Commitment} {s.Plan?.PeriodStart}-{s.Plan?.PeriodEnd}");
        var contacts = $"contacts {await db.Contacts.CountAsync()}";
        var users = (await db.Users.Select(u => u.Email).ToListAsync()).Select(e => $"user {e}");
        return [.. platforms.Concat(documents).Concat(debits).Concat(subscriptions).Concat(users).Append(contacts).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task DemoSeed_RunTwice_AddsNothing()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true, fromTemplate: false);
        async Task<int[]> CountAsync()
        {
            await using var db = database.CreateContext();
            return
            [
                await db.Users.CountAsync(), await db.Platforms.CountAsync(), await db.Memberships.CountAsync(),
                await db.Contacts.CountAsync(), await db.Subscriptions.CountAsync(), await db.Mandates.CountAsync(),
                await db.Documents.CountAsync(), await db.DirectDebits.CountAsync(), await db.UserRoles.CountAsync(),
            ];
        }

        var before = await CountAsync();
        await database.Get<DemoSeeder>().SeedDemoAsync();
        await database.Get<DemoSeeder>().SeedRolesAsync();

        Assert.Equal(before, await CountAsync());
    }
}

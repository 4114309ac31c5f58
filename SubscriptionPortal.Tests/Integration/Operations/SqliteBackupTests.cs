using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Operations;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Tests.Integration.Operations;

public sealed class SqliteBackupTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "sp-backup", Guid.NewGuid().ToString("N"));

    public SqliteBackupTests() => Directory.CreateDirectory(folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temp folder's own cleanup.
        }
    }

    [Fact]
    public async Task Backup_TakenDuringABurstOfPlanChanges_RestoresWithGaplessNumbersAndIntactPdfs()
    {
        var live = Path.Combine(folder, "portal.db");
        await using var database = await TestDatabase.CreateAsync(settings: new Dictionary<string, string?>
        {
            // The embedded database whatever provider the run uses: this is its backup.
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Sqlite"] = $"Data Source={live}",
        });
        var today = DateOnly.FromDateTime(database.Clock.GetUtcNow().UtcDateTime);
        var platforms = new List<(int Id, System.Security.Claims.ClaimsPrincipal Admin)>();
        for (var i = 0; i < 6; i++)
        {
            platforms.Add(await database.PaidPlatformAsync($"Burst {i}", today.AddDays(-12)));
        }

        // Each platform climbs five tiers on the same day: every step issues a credit note and an invoice.
        ChangeTarget[] steps =
        [
            new(CatalogSeed.Serenity, 500, Commitment.Monthly), new(CatalogSeed.Serenity, 1000, Commitment.Monthly),
            new(CatalogSeed.Serenity, 2500, Commitment.Monthly), new(CatalogSeed.Serenity, 5000, Commitment.Monthly),
            new(CatalogSeed.Professional, 5000, Commitment.Monthly),
        ];
        // Two steps everywhere first, so the backup holds documents whichever way the race below goes.
        foreach (var (id, admin) in platforms)
        {
            foreach (var step in steps[..2])
            {
                Assert.IsType<ChangeOutcome.Applied>(await database.Get<SubscriptionChanges>().ApplyAsync(id, step, today, Actor.From(admin)));
            }
        }

        int documentsBefore;
        await using (var before = database.CreateContext())
        {
            documentsBefore = await before.Documents.CountAsync();
        }

        // The other three steps run on six threads while the backup reads the database beside them.
        var burst = platforms.Select(p => Task.Run(async () =>
        {
            foreach (var step in steps[2..])
            {
                var outcome = await database.Get<SubscriptionChanges>().ApplyAsync(p.Id, step, today, Actor.From(p.Admin));
                Assert.IsType<ChangeOutcome.Applied>(outcome);
            }
        })).ToList();
        var backup = Path.Combine(folder, "backup.db");
        var result = await SqliteBackup.CreateAsync($"Data Source={live}", backup);
        await Task.WhenAll(burst);

        Assert.True(result.Succeeded, result.Message);

        // Restore as an operator would: the app stopped, the backup copied in place of the database file.
        var restored = Path.Combine(folder, "restored", "portal.db");
        Directory.CreateDirectory(Path.GetDirectoryName(restored)!);
        File.Copy(backup, restored);
        await using var db = new ApplicationDbContext(new DbContextOptionsBuilder<ApplicationDbContext>().UseSqlite($"Data Source={restored}").Options);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var documents = await db.Documents.AsNoTracking().Select(d => new { d.Kind, d.Number, d.Pdf, d.PdfSha256 }).ToListAsync();
        var counters = await db.DocumentCounters.AsNoTracking().ToListAsync();
        Assert.NotEmpty(documents);
        foreach (var counter in counters)
        {
            var prefix = $"{counter.Series}-{counter.Year:D4}-";
            var numbers = documents.Where(d => d.Number.StartsWith(prefix, StringComparison.Ordinal))
                .Select(d => int.Parse(d.Number[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture))
                .Order()
                .ToList();
            Assert.Equal(Enumerable.Range(1, counter.LastNumber), numbers);
        }

        Assert.Equal(documents.Count, counters.Sum(c => c.LastNumber));
        Assert.All(documents, d => Assert.True(StoredBytes.AreIntact(d.Pdf, d.PdfSha256), $"{d.Number}'s PDF matches its SHA-256"));
        await using var now = database.CreateContext();
        Assert.InRange(documents.Count, documentsBefore, await now.Documents.CountAsync());
    }

    [Fact]
    public async Task Backup_OntoAnExistingFile_IsRefusedAndLeavesItAsItWas()
    {
        var live = Path.Combine(folder, "portal.db");
        await using var database = await TestDatabase.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Sqlite"] = $"Data Source={live}",
        });
        var existing = Path.Combine(folder, "existing.db");
        await File.WriteAllTextAsync(existing, "keep me");

        var result = await SqliteBackup.CreateAsync($"Data Source={live}", existing);

        Assert.False(result.Succeeded);
        Assert.Contains("already exists", result.Message);
        Assert.Equal("keep me", await File.ReadAllTextAsync(existing));
    }
}

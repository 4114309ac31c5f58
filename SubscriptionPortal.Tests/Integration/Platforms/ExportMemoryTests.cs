using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Platforms.Export;
using SubscriptionPortal.Support;
using SubscriptionPortal.Tests.Unit.Platforms;
using Xunit.Abstractions;

namespace SubscriptionPortal.Tests.Integration.Platforms;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    /// <summary>Measuring the heap needs the process to itself: no other test allocating meanwhile.</summary>
    public const string Name = "Memory measurement";
}

[Collection(MemoryMeasurementCollection.Name)]
public sealed class ExportMemoryTests(ITestOutputHelper output)
{
    /// <summary>What the export may keep alive above what it started with, whatever the platform's size.</summary>
    private const long FlatBudgetBytes = 4 * 1024 * 1024;

    [Fact]
    public async Task ExportOfFiftyThousandContacts_StreamsWithFlatMemory()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (small, smallAdmin) = await database.PaidPlatformAsync("Small", new DateOnly(2026, 3, 10), contacts: 0);
        var (large, largeAdmin) = await database.PaidPlatformAsync("Large", new DateOnly(2026, 3, 10), contacts: 0);
        await AddContactsAsync(database, small, 5_000);
        await AddContactsAsync(database, large, 50_000);

        var (smallPeak, smallBytes) = await MeasureAsync(database, smallAdmin);
        var (largePeak, largeBytes) = await MeasureAsync(database, largeAdmin);

        output.WriteLine($"5 000 contacts: ZIP {smallBytes:N0} bytes, peak live heap above baseline {smallPeak:N0} bytes");
        output.WriteLine($"50 000 contacts: ZIP {largeBytes:N0} bytes, peak live heap above baseline {largePeak:N0} bytes");
        Assert.True(largeBytes > 5 * smallBytes, "the large export really is about ten times the small one");
        Assert.True(largePeak < FlatBudgetBytes, $"peak {largePeak:N0} bytes above baseline for 50 000 contacts");
        // Ten times the data, not ten times the memory.
        Assert.True(largePeak < smallPeak + (1024 * 1024), $"5 000 contacts: {smallPeak:N0} bytes; 50 000: {largePeak:N0} bytes");
    }

    private static async Task<(long PeakAboveBaseline, long ZipBytes)> MeasureAsync(TestDatabase database, System.Security.Claims.ClaimsPrincipal admin)
    {
        var export = database.Get<PlatformExport>();
        var summary = await export.GetSummaryAsync(admin);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        // Every 32 KB written, the live heap is measured after a full collection: what the export holds on to.
        var sink = new AsyncOnlyStream(keep: false, notifyEvery: 32 * 1024,
            onBytes: () => peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline));

        await export.WriteAsync(summary!, Actor.From(admin), sink, null);

        return (peak, sink.Count);
    }

    private static async Task AddContactsAsync(TestDatabase database, int platformId, int count)
    {
        await using var db = database.CreateContext();
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Contacts" ("PlatformId", "FirstName", "LastName", "Email", "IsArchived", "CreatedAtUtc")
                SELECT {platformId}, 'Member' || i, 'Surname ' || substr(md5(random()::text), 1, 12), substr(md5(random()::text), 1, 16) || '.' || i || '@example.org', i % 10 = 0, TIMESTAMPTZ '2026-03-20 09:00:00+00'
                FROM generate_series(1, {count}) AS i
                """);
            return;
        }

        await db.Database.ExecuteSqlAsync($"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
            INSERT INTO Contacts (PlatformId, FirstName, LastName, Email, IsArchived, CreatedAtUtc)
            SELECT {platformId}, 'Member' || i, 'Surname ' || lower(hex(randomblob(6))), lower(hex(randomblob(8))) || '.' || i || '@example.org', i % 10 = 0, '2026-03-20 09:00:00'
            FROM n
            """);
    }
}

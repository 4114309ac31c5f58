using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Data;
using SubscriptionPortal.Operations;
using SubscriptionPortal.Tests.Integration.Data;

namespace SubscriptionPortal.Tests.Integration.Operations;

/// <summary>
/// The SQLite WAL's gauges as the operations feature registers them, read from the background checkpoint's last run
/// (the checkpoints themselves: <see cref="SqliteWalCheckpointerTests"/>; the scrape: the browser's metrics test).
/// </summary>
public sealed class SqliteWalGaugeTests : IAsyncLifetime
{
    private const string Frames = "portal.sqlite.wal.frames";
    private const string Uncopied = "portal.sqlite.wal.uncopied_frames";
    private const string Age = "portal.sqlite.wal.checkpoint_age";

    private TestDatabase database = null!;

    // The services alone: the checkpoint service is not started, so each checkpoint here is the test's. The gauge is
    // created at once, as the app's meter provider creates it at the start, and with it the checkpoint service.
    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(configure: services => services.AddMetrics().AddSingleton<SqliteWalGauge>());
        database.Get<SqliteWalGauge>();
    }

    public Task DisposeAsync() => database.DisposeAsync().AsTask();

    [Fact]
    public void TheWalGauges_AreThere_ExactlyWhenTheDatabaseIsSqlite()
    {
        var published = new[] { Frames, Uncopied, Age }.Select(name => Observe(name) is not null).ToList();

        Assert.Equal([TestDatabase.Provider == DatabaseProvider.Sqlite, TestDatabase.Provider == DatabaseProvider.Sqlite,
            TestDatabase.Provider == DatabaseProvider.Sqlite], published);
    }

    [Fact]
    [Trait("Category", SqliteOnly.Category)]
    public async Task BeforeTheFirstCheckpoint_NoFramesAreReported_AndTheAgeCountsFromTheStart()
    {
        SqliteOnly.Require();
        var first = Assert.Single(Observe(Age)!);
        await Task.Delay(100);

        Assert.Empty(Observe(Frames)!);
        Assert.Empty(Observe(Uncopied)!);
        Assert.True(Assert.Single(Observe(Age)!) >= first + 0.09, "the age grows with the time since the start");
    }

    [Fact]
    [Trait("Category", SqliteOnly.Category)]
    public async Task ACheckpointAfterACommit_ReportsTheWalsFramesAllCopied_AndTheAgeStartsAgain()
    {
        SqliteOnly.Require();
        await using var keeper = await WalKeeper.OpenAsync(database.SqliteConnectionString);
        await using var db = database.CreateContext();
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE wal_probe (data BLOB)");
        await db.Database.ExecuteSqlRawAsync("INSERT INTO wal_probe VALUES (randomblob(100000))");
        await Task.Delay(100);
        var before = Assert.Single(Observe(Age)!);

        var (frames, copied) = await database.Get<SqliteWalCheckpointer>().CheckpointAsync(CancellationToken.None);

        Assert.True(frames >= 25, $"{frames} frames: 100 KB are 25 pages of 4 KB");
        Assert.Equal(frames, copied);
        Assert.Equal([frames], Observe(Frames)!);
        Assert.Equal([0], Observe(Uncopied)!);
        Assert.InRange(Assert.Single(Observe(Age)!), 0, before - 0.09);
    }

    [Fact]
    [Trait("Category", SqliteOnly.Category)]
    public async Task AReaderOnAnOlderSnapshot_LeavesTheFramesAfterItUncopied_AndTheGaugeCountsThem()
    {
        SqliteOnly.Require();
        await using var db = database.CreateContext();
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE wal_probe (data BLOB)");
        var checkpointer = database.Get<SqliteWalCheckpointer>();
        await checkpointer.CheckpointAsync(CancellationToken.None);

        // A connection outside the app's pool reads in a transaction it keeps open: a passive checkpoint copies no frame
        // committed after its snapshot, since the reader may still need the page it replaces from the database file.
        await using var reader = await WalKeeper.OpenAsync(database.SqliteConnectionString);
        // Deferred: a read transaction, not the write lock SQLite's BEGIN IMMEDIATE would take.
        await using var transaction = reader.BeginTransaction(deferred: true);
        await using (var read = reader.CreateCommand())
        {
            read.CommandText = "SELECT COUNT(*) FROM wal_probe";
            await read.ExecuteScalarAsync();
        }

        await db.Database.ExecuteSqlRawAsync("INSERT INTO wal_probe VALUES (randomblob(100000))");
        var (frames, copied) = await checkpointer.CheckpointAsync(CancellationToken.None);
        Assert.True(copied < frames, $"{copied} of {frames} frames copied");
        Assert.Equal([frames - copied], Observe(Uncopied)!);

        await transaction.CommitAsync();
        await checkpointer.CheckpointAsync(CancellationToken.None);
        Assert.Equal([0], Observe(Uncopied)!);
    }

    /// <summary>What the gauge created at the start reports now, read as a scrape would read it.</summary>
    private List<double>? Observe(string name) => Gauges.Observe(database.Get<IMeterFactory>(), name);
}

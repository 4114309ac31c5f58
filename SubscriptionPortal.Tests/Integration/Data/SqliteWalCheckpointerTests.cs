using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SubscriptionPortal.Data;
using SubscriptionPortal.Tests.Integration.Http;

namespace SubscriptionPortal.Tests.Integration.Data;

/// <summary>
/// The WAL copied into the database file beside the requests: the commits of the app's connections no longer pay for it
/// below ten thousand pages, the background checkpoint does it within seconds, and a failed one is logged and retried.
/// </summary>
[Trait("Category", SqliteOnly.Category)]
public sealed class SqliteWalCheckpointerTests
{
    // 5 MB: 1 280 pages of 4 KB, past SQLite's default threshold of 1 000 and below the app's.
    private const int BlobBytes = 5 * 1024 * 1024;

    [Fact]
    public async Task AConnectionTheAppOpens_CheckpointsByItselfOnlyPastTenThousandPages()
    {
        SqliteOnly.Require();
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();

        Assert.Equal(10_000L, await SqlitePragma.ReadAsync(db, "PRAGMA wal_autocheckpoint;", CancellationToken.None));
    }

    [Fact]
    public async Task ACommitPastSqlitesDefaultThreshold_LeavesItsPagesInTheWal_AndTheCheckpointCopiesThemAll()
    {
        await using var blob = await BlobCommittedAsync();

        // With SQLite's own threshold the commit would have copied its 5 MB into the file itself.
        Assert.InRange(blob.Grown, 0, BlobBytes / 2);
        var (frames, copied) = await blob.Checkpointer.CheckpointAsync(CancellationToken.None);
        Assert.True(frames > BlobBytes / 4096, $"{frames} frames in the WAL");
        Assert.Equal(frames, copied);
        Assert.True(blob.Grown >= BlobBytes, $"the file grew by {blob.Grown} bytes");
    }

    [Fact]
    public async Task TheService_CopiesTheWalIntoTheDatabaseFile_WithinSecondsOfAWrite()
    {
        await using var blob = await BlobCommittedAsync();
        Assert.True(blob.Grown < BlobBytes, $"the commit checkpointed by itself: the file grew by {blob.Grown} bytes");

        await blob.Checkpointer.StartAsync(CancellationToken.None);
        try
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (blob.Grown < BlobBytes && waited.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(50);
            }
        }
        finally
        {
            await blob.Checkpointer.StopAsync(CancellationToken.None);
        }

        Assert.True(blob.Grown >= BlobBytes, $"the file grew by {blob.Grown} bytes");
    }

    [Fact]
    public async Task ACheckpointThatFails_IsLogged_AndTheServiceTriesAgainAtTheNextTick()
    {
        var log = new LogCapture();
        using var factory = new LoggerFactory([log]);
        var checkpointer = new SqliteWalCheckpointer(OptionsContextFactory.OnAMissingFile(), factory.CreateLogger<SqliteWalCheckpointer>());

        await checkpointer.StartAsync(CancellationToken.None);
        try
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (Failures(log) < 2 && waited.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(50);
            }
        }
        finally
        {
            await checkpointer.StopAsync(CancellationToken.None);
        }

        Assert.True(Failures(log) >= 2, $"{Failures(log)} failure(s) logged");
        Assert.Equal(log.Entries.Count, Failures(log));
        // What its gauges show: nothing known of the WAL, and the time since the start, with no checkpoint in it.
        var (frames, uncopied, since) = checkpointer.Reading();
        Assert.Null(frames);
        Assert.Null(uncopied);
        Assert.True(since >= 2 * SqliteWalCheckpointer.Interval, $"{since} since the start");
    }

    private static int Failures(LogCapture log) =>
        log.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.StartsWith("A checkpoint of the SQLite WAL failed", StringComparison.Ordinal));

    /// <summary>
    /// A database whose WAL was copied into its file, then a commit of 5 MB on a connection of the app's own pool; the WAL
    /// is kept (<see cref="WalKeeper"/>) until the test ends.
    /// </summary>
    private static async Task<BlobCommitted> BlobCommittedAsync()
    {
        SqliteOnly.Require();
        var database = await TestDatabase.CreateAsync();
        var keeper = await WalKeeper.OpenAsync(database.SqliteConnectionString);

        var checkpointer = database.Get<SqliteWalCheckpointer>();
        await checkpointer.CheckpointAsync(CancellationToken.None);
        var file = new FileInfo(new SqliteConnectionStringBuilder(database.SqliteConnectionString).DataSource);
        var blob = new BlobCommitted(database, keeper, checkpointer, file, Length(file));
        await using var db = database.CreateContext();
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE wal_probe (data BLOB)");
        await db.Database.ExecuteSqlRawAsync($"INSERT INTO wal_probe VALUES (randomblob({BlobBytes}))");
        return blob;
    }

    private static long Length(FileInfo file)
    {
        file.Refresh();
        return file.Length;
    }

    private sealed record BlobCommitted(TestDatabase Database, SqliteConnection Keeper, SqliteWalCheckpointer Checkpointer, FileInfo File, long Before)
        : IAsyncDisposable
    {
        /// <summary>How much the database file has grown since before the commit.</summary>
        public long Grown => Length(File) - Before;

        public async ValueTask DisposeAsync()
        {
            await Keeper.DisposeAsync();
            await Database.DisposeAsync();
        }
    }
}

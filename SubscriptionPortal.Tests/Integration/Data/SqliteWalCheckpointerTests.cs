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
        SqliteOnly.Require();
        await using var database = await TestDatabase.CreateAsync();
        var file = new FileInfo(new SqliteConnectionStringBuilder(database.SqliteConnectionString).DataSource);
        await using var keeper = await KeepOpenAsync(database);
        var checkpointer = database.Get<SqliteWalCheckpointer>();
        await checkpointer.CheckpointAsync(CancellationToken.None);
        var before = Length(file);

        await WriteBlobAsync(database);

        // With SQLite's own threshold the commit would have copied its 5 MB into the file itself.
        Assert.InRange(Length(file) - before, 0, BlobBytes / 2);
        var (frames, copied) = await checkpointer.CheckpointAsync(CancellationToken.None);
        Assert.True(frames > BlobBytes / 4096, $"{frames} frames in the WAL");
        Assert.Equal(frames, copied);
        Assert.True(Length(file) - before >= BlobBytes, $"the file grew by {Length(file) - before} bytes");
    }

    [Fact]
    public async Task TheService_CopiesTheWalIntoTheDatabaseFile_WithinSecondsOfAWrite()
    {
        SqliteOnly.Require();
        await using var database = await TestDatabase.CreateAsync();
        var file = new FileInfo(new SqliteConnectionStringBuilder(database.SqliteConnectionString).DataSource);
        await using var keeper = await KeepOpenAsync(database);
        var checkpointer = database.Get<SqliteWalCheckpointer>();
        await checkpointer.CheckpointAsync(CancellationToken.None);
        var before = Length(file);
        await WriteBlobAsync(database);
        Assert.True(Length(file) - before < BlobBytes, $"the file grew by {Length(file) - before} bytes from {before}");

        await checkpointer.StartAsync(CancellationToken.None);
        try
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (Length(file) - before < BlobBytes && waited.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(50);
            }
        }
        finally
        {
            await checkpointer.StopAsync(CancellationToken.None);
        }

        Assert.True(Length(file) - before >= BlobBytes, $"the file grew by {Length(file) - before} bytes");
    }

    [Fact]
    public async Task ACheckpointThatFails_IsLogged_AndTheServiceTriesAgainAtTheNextTick()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}", "portal.db");
        var options = new DbContextOptionsBuilder<ApplicationDbContext>().UseSqlite($"Data Source={missing};Mode=ReadWrite").Options;
        var log = new LogCapture();
        using var factory = new LoggerFactory([log]);
        var checkpointer = new SqliteWalCheckpointer(new Factory(options), factory.CreateLogger<SqliteWalCheckpointer>());

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
    }

    private static int Failures(LogCapture log) =>
        log.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.StartsWith("A checkpoint of the SQLite WAL failed", StringComparison.Ordinal));

    private static long Length(FileInfo file)
    {
        file.Refresh();
        return file.Length;
    }

    /// <summary>
    /// A connection outside the pool, open until the test ends: the last connection to close copies the WAL into the file,
    /// and another test's end may close every pooled one (<c>SqliteConnection.ClearAllPools</c>).
    /// </summary>
    private static async Task<SqliteConnection> KeepOpenAsync(TestDatabase database)
    {
        var connection = new SqliteConnection(database.SqliteConnectionString + ";Pooling=False");
        await connection.OpenAsync();
        // Once it has read, a connection in WAL mode holds the file's shared lock until it closes: no other is the last.
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT COUNT(*) FROM sqlite_master";
        await read.ExecuteScalarAsync();
        return connection;
    }

    /// <summary>Commits 5 MB on a connection of the app's own pool.</summary>
    private static async Task WriteBlobAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE wal_probe (data BLOB)");
        await db.Database.ExecuteSqlRawAsync($"INSERT INTO wal_probe VALUES (randomblob({BlobBytes}))");
    }

    private sealed class Factory(DbContextOptions<ApplicationDbContext> options) : IDbContextFactory<ApplicationDbContext>
    {
        public ApplicationDbContext CreateDbContext() => new(options);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Tests.Integration.Data;

/// <summary>
/// How a batch's connection writes, on the database of the provider under test: on SQLite a larger cache and no
/// automatic checkpoint inside the batch, and the connection's own settings again afterwards, through a commit and
/// before the pool takes it back; PostgreSQL is left as it is.
/// </summary>
public sealed class SqliteBatchWritesTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Begin_SetsTheBatchsCacheAndTurnsTheAutomaticCheckpointOff_AndGivesTheSettingsBackWhenDisposed_OnSqliteOnly()
    {
        await using var db = database.CreateContext();
        await using var tx = await db.Database.BeginTransactionAsync();
        if (TestDatabase.Provider != DatabaseProvider.Sqlite)
        {
            Assert.Null(await SqliteBatchWrites.BeginAsync(db));
            return;
        }

        var (cacheBefore, checkpointBefore) = await SettingsAsync(db);

        // Inside a transaction already open, too.
        await using (var batch = await SqliteBatchWrites.BeginAsync(db))
        {
            Assert.NotNull(batch);
            Assert.Equal((cacheBefore, checkpointBefore), (batch.PreviousCacheSize, batch.PreviousAutoCheckpoint));
            Assert.Equal((-SqliteBatchWrites.CacheKibibytes, 0L), await SettingsAsync(db));
            // The transaction goes on as usual.
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE batch_probe (n INTEGER)");
        }

        Assert.Equal((cacheBefore, checkpointBefore), await SettingsAsync(db));
        Assert.NotEqual(0, checkpointBefore);
        await tx.CommitAsync();
    }

    [Fact]
    [Trait("Category", SqliteOnly.Category)]
    public async Task Begin_KeepsTheConnectionOpenThroughTheCommit_AndGivesItsSettingsBackBeforeThePoolTakesIt()
    {
        SqliteOnly.Require();

        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        var batch = await SqliteBatchWrites.BeginAsync(db);
        var before = (batch!.PreviousCacheSize, batch.PreviousAutoCheckpoint);
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE batch_probe (n INTEGER)");
            await tx.CommitAsync();
        }

        Assert.Equal(System.Data.ConnectionState.Open, connection.State);
        Assert.Equal((-SqliteBatchWrites.CacheKibibytes, 0L), await SettingsAsync(db));

        await batch.DisposeAsync();

        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
        // The pool hands the same native connection to the next context: it has its own settings again.
        await using var next = database.CreateContext();
        await next.Database.OpenConnectionAsync();
        Assert.Equal(before, await SettingsAsync(next));
    }

    private static async Task<(long CacheSize, long AutoCheckpoint)> SettingsAsync(ApplicationDbContext db) =>
        (await SqlitePragma.ReadAsync(db, "PRAGMA cache_size;", CancellationToken.None),
            await SqlitePragma.ReadAsync(db, "PRAGMA wal_autocheckpoint;", CancellationToken.None));
}

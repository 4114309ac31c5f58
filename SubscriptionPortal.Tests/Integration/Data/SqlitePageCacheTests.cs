using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Tests.Integration.Data;

/// <summary>
/// The larger page cache of a transaction that writes much at once, on the database of the provider under test: SQLite's
/// connection holds it inside the transaction and has its own size again afterwards; PostgreSQL is left as it is.
/// </summary>
public sealed class SqlitePageCacheTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Widen_GivesTheTransactionsConnectionTheLargerCache_AndItsOwnSizeBackWhenDisposed_OnSqliteOnly()
    {
        await using var db = database.CreateContext();
        await using var tx = await db.Database.BeginTransactionAsync();
        if (TestDatabase.Provider != DatabaseProvider.Sqlite)
        {
            Assert.Null(await SqlitePageCache.WidenAsync(db, 8192));
            return;
        }

        var before = await CacheSizeAsync(db);

        // Inside a transaction already open, too.
        await using (var cache = await SqlitePageCache.WidenAsync(db, 8192))
        {
            Assert.NotNull(cache);
            Assert.Equal(before, cache.Previous);
            Assert.Equal(-8192, await CacheSizeAsync(db));
            // The transaction goes on as usual with the larger cache.
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE cache_probe (n INTEGER)");
        }

        Assert.Equal(before, await CacheSizeAsync(db));
        await tx.CommitAsync();
    }

    [Fact]
    public async Task Widen_KeepsTheConnectionOpenThroughTheCommit_AndGivesItsSizeBackBeforeThePoolTakesIt()
    {
        if (TestDatabase.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        var cache = await SqlitePageCache.WidenAsync(db, SqlitePageCache.BatchKibibytes);
        var before = cache!.Previous;
        Assert.NotEqual(-SqlitePageCache.BatchKibibytes, before);
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE cache_probe (n INTEGER)");
            await tx.CommitAsync();
        }

        Assert.Equal(System.Data.ConnectionState.Open, connection.State);
        Assert.Equal(-SqlitePageCache.BatchKibibytes, await CacheSizeAsync(db));

        await cache.DisposeAsync();

        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
        // The pool hands the same native connection to the next context: it has its own size again.
        await using var next = database.CreateContext();
        await next.Database.OpenConnectionAsync();
        Assert.Equal(before, await CacheSizeAsync(next));
    }

    [Fact]
    public async Task Widen_RefusesASizeOfNothing()
    {
        await using var db = database.CreateContext();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => SqlitePageCache.WidenAsync(db, 0));
    }

    private static async Task<long> CacheSizeAsync(ApplicationDbContext db)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = "PRAGMA cache_size;";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

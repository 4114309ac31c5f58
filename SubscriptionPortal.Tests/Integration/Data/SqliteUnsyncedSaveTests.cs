using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Tests.Integration.Data;

/// <summary>
/// A save whose commit SQLite does not sync (a quote's): the rows are stored, the commit ran with
/// <c>synchronous=NORMAL</c>, and the connection has its own setting again, also when the save fails and once the pool
/// hands it to the next context. On PostgreSQL it is a plain save.
/// </summary>
public sealed class SqliteUnsyncedSaveTests : IAsyncLifetime
{
    // SQLite's values of PRAGMA synchronous.
    private const long Normal = 1;
    private const long Full = 2;

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task TheRowsAreStored_OnEitherDatabase()
    {
        await using (var db = database.CreateContext())
        {
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "unsynced-probe", Xml = "<key/>" });
            await SqliteUnsyncedSave.SaveChangesAsync(db);
        }

        await using var read = database.CreateContext();
        Assert.Equal("<key/>", await read.DataProtectionKeys.Where(k => k.FriendlyName == "unsynced-probe").Select(k => k.Xml).SingleAsync());
    }

    [Fact]
    [Trait("Category", SqliteOnly.Category)]
    public async Task TheCommitRunsWithoutItsSync_AndTheConnectionSyncsAgainAfterwards_EvenInTheNextContextThePoolServes()
    {
        SqliteOnly.Require();

        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();
        var before = await SynchronousAsync(db);
        await db.Database.CloseConnectionAsync();
        long? during = null;
        db.SavingChanges += (_, _) => during = Synchronous(db);
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "unsynced-probe", Xml = "<key/>" });

        await SqliteUnsyncedSave.SaveChangesAsync(db);

        Assert.Equal(Full, before);
        Assert.Equal(Normal, during);
        Assert.Equal(System.Data.ConnectionState.Closed, db.Database.GetDbConnection().State);
        await using var next = database.CreateContext();
        await next.Database.OpenConnectionAsync();
        Assert.Equal(Full, await SynchronousAsync(next));
    }

    [Fact]
    [Trait("Category", SqliteOnly.Category)]
    public async Task ASaveThatFails_ChangesNothing_AndLeavesTheConnectionSyncingAsBefore()
    {
        SqliteOnly.Require();

        await using var db = database.CreateContext();
        // The key ring's table allows no second row with the same id.
        var existing = await db.DataProtectionKeys.AsNoTracking().FirstAsync();
        db.DataProtectionKeys.Add(new DataProtectionKey { Id = existing.Id, FriendlyName = "duplicate", Xml = "<key/>" });

        await Assert.ThrowsAsync<DbUpdateException>(() => SqliteUnsyncedSave.SaveChangesAsync(db));

        await db.Database.OpenConnectionAsync();
        Assert.Equal(Full, await SynchronousAsync(db));
        Assert.False(await db.DataProtectionKeys.AnyAsync(k => k.FriendlyName == "duplicate"));
    }

    private static Task<long> SynchronousAsync(ApplicationDbContext db) => SqlitePragma.ReadAsync(db, "PRAGMA synchronous;", CancellationToken.None);

    private static long Synchronous(ApplicationDbContext db)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous;";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

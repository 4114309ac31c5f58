using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SubscriptionPortal.Data;

/// <summary>
/// How a SQLite connection writes a batch of renewals, set for the batch and given back when disposed: a larger page
/// cache, and no automatic checkpoint at its commit (<see cref="SqliteCheckpoints"/> runs them beside the job).
/// </summary>
/// <remarks>
/// <para>
/// A batch of 50 writes about 2 MB (its PDFs, mostly), and SQLite's default cache holds 2 MB: measured here, its pages
/// were written to the WAL before the commit and the pages of the indexes it inserts into were evicted and read again,
/// so that inserting a batch's direct debits, emails and audit entries cost 0.26 to 0.33 ms per renewal, against 0.10
/// to 0.11 ms with the larger cache (whose commit then writes those pages: 0.05 to 0.09 ms more).
/// </para>
/// <para>
/// The automatic checkpoint runs in the commit that takes the WAL past 1 000 pages, every second batch: it copies
/// those pages into the database file and syncs it, 0.10 to 0.15 ms per renewal on the job's path.
/// </para>
/// <para>
/// Durability is unchanged: each commit writes and syncs the same pages (<c>synchronous=FULL</c>). SQLite allocates
/// cache pages only as they are used and frees those over the limit when it is lowered again: the connection goes back
/// to the pool with its own settings and without the batch's pages. On PostgreSQL nothing is changed.
/// </para>
/// </remarks>
internal sealed class SqliteBatchWrites : IAsyncDisposable
{
    /// <summary>The cache of a batch's connection: several times what the largest batch writes.</summary>
    public const int CacheKibibytes = 16 * 1024;

    private readonly DbContext db;

    private SqliteBatchWrites(DbContext db, long previousCacheSize, long previousAutoCheckpoint)
    {
        this.db = db;
        PreviousCacheSize = previousCacheSize;
        PreviousAutoCheckpoint = previousAutoCheckpoint;
    }

    /// <summary>The cache size the connection had before, which it has again once this is disposed.</summary>
    public long PreviousCacheSize { get; }

    /// <summary>The automatic checkpoint's threshold (pages) the connection had before, which it has again once this is disposed.</summary>
    public long PreviousAutoCheckpoint { get; }

    /// <summary>
    /// Opens the connection of <paramref name="db"/>, if it is not open yet, and sets it to write a batch until disposed; null on
    /// another database than SQLite. The connection stays open until then, whatever a commit in between does, so that its
    /// settings are given back on the same connection before the pool takes it back.
    /// </summary>
    public static async Task<SqliteBatchWrites?> BeginAsync(DbContext db, CancellationToken ct = default)
    {
        if (db.Database.GetDbConnection() is not SqliteConnection)
        {
            return null;
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // A negative cache size is in kibibytes, a positive one in pages: the setting is read back as it was written.
            var cacheSize = await SqlitePragma.ReadAsync(db, "PRAGMA cache_size;", ct);
            var autoCheckpoint = await SqlitePragma.ReadAsync(db, "PRAGMA wal_autocheckpoint;", ct);
            await SqlitePragma.ReadAsync(db, $"PRAGMA cache_size = {-(long)CacheKibibytes};", ct);
            await SqlitePragma.ReadAsync(db, "PRAGMA wal_autocheckpoint = 0;", ct);
            return new SqliteBatchWrites(db, cacheSize, autoCheckpoint);
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await SqlitePragma.ReadAsync(db, $"PRAGMA cache_size = {PreviousCacheSize.ToString(CultureInfo.InvariantCulture)};", CancellationToken.None);
            await SqlitePragma.ReadAsync(db, $"PRAGMA wal_autocheckpoint = {PreviousAutoCheckpoint.ToString(CultureInfo.InvariantCulture)};", CancellationToken.None);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

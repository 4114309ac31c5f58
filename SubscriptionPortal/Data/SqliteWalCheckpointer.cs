using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SubscriptionPortal.Data;

/// <summary>
/// Copies the SQLite WAL into the database file beside the requests, once a second, instead of in the commit that takes
/// the WAL past 1 000 pages. SQLite's automatic checkpoint runs inside that commit's call, so the plan change whose commit
/// crossed the threshold paid for copying the pages of the changes before it and syncing the database file: about half a
/// millisecond of each validated change on average, measured. Each connection the app opens still checkpoints by itself, past
/// <see cref="WriterThresholdPages"/> (<see cref="ConnectionThreshold"/>), should this service be stopped or fall behind,
/// so the WAL stays bounded either way.
/// </summary>
/// <remarks>
/// Durability is unchanged: a commit is durable once its frames are synced in the WAL, which is still done at each
/// commit (<c>synchronous=FULL</c>); a checkpoint only moves committed pages into the database file and syncs it. A
/// passive checkpoint waits for no reader or writer and makes none wait. A checkpoint that fails is logged and changes
/// nothing: the pages stay in the WAL for the next one.
/// </remarks>
internal sealed class SqliteWalCheckpointer(IDbContextFactory<ApplicationDbContext> dbFactory, ILogger<SqliteWalCheckpointer> logger) : BackgroundService
{
    /// <summary>The WAL's size (pages) past which a connection's own commit checkpoints: ten times SQLite's default, about 40 MB.</summary>
    public const int WriterThresholdPages = 10_000;

    /// <summary>How often the WAL is copied into the database file.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    // Real time, whatever the app's clock says: this is about the disk, not about billing dates.
    private readonly TimeProvider time = TimeProvider.System;
    private Progress progress = new(0, 0, TimeProvider.System.GetTimestamp(), Checkpointed: false);

    /// <summary>
    /// Where the WAL stood at the last checkpoint that ran: its frames (its size in pages, which keeps growing while it
    /// cannot start over), those not yet in the database file, and how long ago that checkpoint ran (since this service
    /// was created when none has). Null frames before the first checkpoint.
    /// </summary>
    public (long? Frames, long? Uncopied, TimeSpan Since) Reading()
    {
        var last = Volatile.Read(ref progress);
        var since = time.GetElapsedTime(last.At);
        return last.Checkpointed ? (last.Frames, last.Frames - last.Copied, since) : (null, null, since);
    }

    /// <summary>Runs one passive checkpoint: the WAL's frames and how many of them are now in the database file.</summary>
    public async Task<(long Frames, long Copied)> CheckpointAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await db.Database.OpenConnectionAsync(ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        // One row: whether it was blocked (another checkpoint running), the WAL's frames, the frames copied (-1 and -1 outside WAL mode).
        if (!await reader.ReadAsync(ct))
        {
            return (0, 0);
        }

        var (blocked, frames, copied) = (reader.GetInt64(0) != 0, reader.GetInt64(1), reader.GetInt64(2));
        if (!blocked && frames >= 0)
        {
            Volatile.Write(ref progress, new Progress(frames, copied, time.GetTimestamp(), Checkpointed: true));
        }

        return (frames, copied);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckpointAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                logger.CheckpointFailed(ex);
            }
        }
    }

    private sealed record Progress(long Frames, long Copied, long At, bool Checkpointed);

    /// <summary>Gives each connection the app opens the raised threshold of its own automatic checkpoint, on its native handle.</summary>
    public sealed class ConnectionThreshold : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            if (connection is SqliteConnection { Handle: { } handle })
            {
                SqliteException.ThrowExceptionForRC(SQLitePCL.raw.sqlite3_wal_autocheckpoint(handle, WriterThresholdPages), handle);
            }
        }
    }
}

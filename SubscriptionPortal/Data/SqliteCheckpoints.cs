using Microsoft.EntityFrameworkCore;

namespace SubscriptionPortal.Data;

/// <summary>
/// The WAL checkpoints of a run of batches whose connections do not checkpoint at their commit (<see cref="SqliteBatchWrites"/>):
/// after a batch's commit a passive checkpoint starts on another connection, on the thread pool, and copies what the
/// batches committed into the database file while the next batch writes (a passive checkpoint neither waits for the
/// writer nor makes it wait). SQLite writes the WAL from its beginning again only when a write transaction begins with
/// every page of it copied, which never happens while the job writes without pause: every
/// <see cref="BatchesPerRestart"/> batches the job waits for the checkpoint to finish, so the WAL holds at most about that
/// many batches. One run of the job at a time uses an instance.
/// </summary>
/// <remarks>
/// A checkpoint that fails is logged and changes nothing: the pages stay in the WAL, durable, and the next checkpoint
/// (this run's, or the automatic one of another connection's commit) copies them.
/// </remarks>
internal sealed class SqliteCheckpoints(IDbContextFactory<ApplicationDbContext> dbFactory, ILogger logger)
{
    /// <summary>Batches between two waits for the checkpoint: about 15 MB of WAL at 50 renewals a batch.</summary>
    public const int BatchesPerRestart = 8;

    /// <summary>
    /// How long the restart checkpoint waits for a writer or a reader still on the WAL: a short read (the guess of the next
    /// batch) ends well within it, while a long one (a platform's export streaming its PDFs) would otherwise hold the job
    /// for the connection's whole timeout, 30 seconds. Past it, the WAL starts over at a later wait.
    /// </summary>
    public static readonly TimeSpan RestartWait = TimeSpan.FromMilliseconds(200);

    private Task running = Task.CompletedTask;
    private int batches;

    /// <summary>Checkpoints started, for the tests.</summary>
    public int Started { get; private set; }

    /// <summary>After a batch's commit: starts a checkpoint if none is running; every <see cref="BatchesPerRestart"/> batches, waits for it.</summary>
    public async Task AfterCommitAsync(CancellationToken ct)
    {
        if (++batches % BatchesPerRestart == 0)
        {
            await RestartAsync(ct);
            return;
        }

        if (running.IsCompleted)
        {
            Started++;
            running = Task.Run(() => CheckpointAsync(restart: false, ct), CancellationToken.None);
        }
    }

    /// <summary>At the end of a run: when a batch committed, <see cref="RestartAsync"/>.</summary>
    public async Task FinishRunAsync(CancellationToken ct)
    {
        if (batches > 0)
        {
            await RestartAsync(ct);
        }
    }

    /// <summary>
    /// Waits for the checkpoint running, then copies what was committed since it started, and waits for the readers that
    /// started before to finish (a restart checkpoint): the WAL is then all in the database file, and the next batch writes
    /// it from its beginning again. A reader still on the WAL when that batch writes (the guess of the batch after it,
    /// say) would keep it from starting over.
    /// </summary>
    private async Task RestartAsync(CancellationToken ct)
    {
        await running;
        Started++;
        running = CheckpointAsync(restart: true, ct);
        await running;
    }

    private async Task CheckpointAsync(bool restart, CancellationToken ct)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.Database.OpenConnectionAsync(ct);
            if (!restart)
            {
                // A passive checkpoint waits for nothing.
                await SqlitePragma.ReadAsync(db, "PRAGMA wal_checkpoint(PASSIVE);", ct);
                return;
            }

            var timeout = await SqlitePragma.ReadAsync(db, "PRAGMA busy_timeout;", ct);
            await SqlitePragma.ReadAsync(db, $"PRAGMA busy_timeout = {(long)RestartWait.TotalMilliseconds};", ct);
            try
            {
                await SqlitePragma.ReadAsync(db, "PRAGMA wal_checkpoint(RESTART);", ct);
            }
            finally
            {
                // The pooled connection keeps its own timeout for whoever opens it next.
                await SqlitePragma.ReadAsync(db, $"PRAGMA busy_timeout = {timeout.ToString(System.Globalization.CultureInfo.InvariantCulture)};", CancellationToken.None);
            }
        }
        catch (OperationCanceledException)
        {
            // The run was stopped: the pages wait in the WAL for the next checkpoint.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.CheckpointFailed(ex);
        }
    }
}

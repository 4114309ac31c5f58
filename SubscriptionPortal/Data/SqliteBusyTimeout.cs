using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SubscriptionPortal.Data;

/// <summary>
/// Makes a SQLite writer that finds another writer's transaction open wait inside SQLite, which tries
/// again within a few milliseconds of the lock's release. Without it, Microsoft.Data.Sqlite gets
/// <c>SQLITE_BUSY</c> at once and tries again every 150 ms, sleeping on its thread in between: measured
/// here, the second of two writers got the lock about 130 ms after the first had committed, against 0.1
/// to 15 ms with the busy timeout. Under load every such collision (two quotes stored at once, a plan
/// change meeting a renewal batch) cost that much.
/// </summary>
/// <remarks>
/// Set on each connection as it opens, on its native handle (no SQL to parse). The timeout is the
/// connection string's <c>Default Timeout</c>, so a writer still gives up after the same time as before.
/// </remarks>
internal sealed class SqliteBusyTimeout(TimeSpan timeout) : DbConnectionInterceptor
{
    private readonly int milliseconds = (int)Math.Clamp(timeout.TotalMilliseconds, 0, int.MaxValue);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    /// <summary>Gives an open SQLite connection the busy timeout.</summary>
    public void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            var result = SQLitePCL.raw.sqlite3_busy_timeout(handle, milliseconds);
            SqliteException.ThrowExceptionForRC(result, handle);
        }
    }
}

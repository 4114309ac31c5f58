using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace SubscriptionPortal.Data;

/// <summary>SQLite's PRAGMA statements, run on a context's connection.</summary>
internal static class SqlitePragma
{
    /// <summary>Runs a PRAGMA and reads its value (0 when it has none), inside the context's transaction when one is open (Microsoft.Data.Sqlite requires it).</summary>
    public static async Task<long> ReadAsync(DbContext db, string sql, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct) is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0;
    }
}

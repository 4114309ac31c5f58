using Microsoft.Data.Sqlite;

namespace SubscriptionPortal.Tests.Integration.Data;

/// <summary>
/// Keeps a SQLite database's WAL where the test put it. The last connection to a database copies the WAL into its file
/// as it closes, and any test's end may close every pooled connection of the process (<c>SqliteConnection.ClearAllPools</c>):
/// a connection outside the pool that has read once holds the file's shared lock in WAL mode, so none of the others is the
/// last until it is disposed.
/// </summary>
internal static class WalKeeper
{
    public static async Task<SqliteConnection> OpenAsync(string connectionString)
    {
        var keeper = new SqliteConnection(connectionString + ";Pooling=False");
        await keeper.OpenAsync();
        await using var read = keeper.CreateCommand();
        read.CommandText = "SELECT COUNT(*) FROM sqlite_master";
        await read.ExecuteScalarAsync();
        return keeper;
    }
}

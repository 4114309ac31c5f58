using Microsoft.Data.Sqlite;

namespace SubscriptionPortal.Operations;

/// <summary>
/// An online copy of the embedded SQLite database. <c>VACUUM INTO</c> reads inside one read
/// transaction, so the copy is the database as of one commit even while the app keeps writing
/// (WAL lets writers go on meanwhile), and it comes out compacted, without a WAL file of its own.
/// </summary>
internal static class SqliteBackup
{
    /// <summary>Copies the database of <paramref name="connectionString"/> into the new file <paramref name="target"/>.</summary>
    public static async Task<CommandResult> CreateAsync(string connectionString, string target, CancellationToken ct = default)
    {
        var source = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(source.DataSource) || source.DataSource == ":memory:" || !File.Exists(source.DataSource))
        {
            return CommandResult.Invalid($"There is no database file at '{source.DataSource}' to back up.");
        }

        var path = Path.GetFullPath(target);
        if (File.Exists(path) || Directory.Exists(path))
        {
            return CommandResult.Invalid($"'{path}' already exists; a backup never overwrites a file.");
        }

        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            return CommandResult.Invalid($"The folder '{folder}' does not exist.");
        }

        // Written under another name and renamed once checked, so a file with the final name is always complete.
        var partial = path + ".partial";
        File.Delete(partial);
        try
        {
            await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString()))
            {
                await connection.OpenAsync(ct);
                await using var vacuum = connection.CreateCommand();
                vacuum.CommandText = "VACUUM INTO $target";
                vacuum.Parameters.AddWithValue("$target", partial);
                await vacuum.ExecuteNonQueryAsync(ct);
            }

            await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
            {
                await copy.OpenAsync(ct);
                await using var check = copy.CreateCommand();
                check.CommandText = "PRAGMA integrity_check";
                var verdict = (string?)await check.ExecuteScalarAsync(ct);
                if (verdict != "ok")
                {
                    return CommandResult.Invalid($"The copy failed its integrity check: {verdict}.");
                }
            }

            File.Move(partial, path);
            return CommandResult.Ok;
        }
        finally
        {
            File.Delete(partial);
        }
    }
}

using Npgsql;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Tests.Integration;

/// <summary>
/// The storage under one test, on the provider the run asks for: <c>PORTAL_TEST_PROVIDER</c> is
/// <c>Sqlite</c> (the default: a database file in a temporary folder) or <c>Postgres</c> (a fresh
/// database on the server that <c>PORTAL_TEST_POSTGRES</c> reaches, as a role allowed to create
/// databases; dropped after the test). Several app instances can share one store.
/// </summary>
internal sealed class TestStore : IAsyncDisposable
{
    private const string ProviderVariable = "PORTAL_TEST_PROVIDER";
    private const string PostgresVariable = "PORTAL_TEST_POSTGRES";

    private readonly string? postgresDatabase;
    private readonly List<string> postgresConnections = [];

    private TestStore(string folder, string? postgresDatabase)
    {
        Folder = folder;
        this.postgresDatabase = postgresDatabase;
    }

    public static DatabaseProvider Provider { get; } = ProviderOfRun();

    /// <summary>A temporary folder: the instances' content root, and the SQLite file's place.</summary>
    public string Folder { get; }

    public string SqlitePath => Path.Combine(Folder, "portal.db");

    /// <param name="provider">The run's provider unless given.</param>
    /// <param name="postgresTemplate">On PostgreSQL, the database the new one starts as a copy of.</param>
    public static async Task<TestStore> CreateAsync(DatabaseProvider? provider = null, string? postgresTemplate = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "sp-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if ((provider ?? Provider) != DatabaseProvider.Postgres)
        {
            return new TestStore(folder, null);
        }

        var name = $"sp_test_{Guid.NewGuid():N}";
        await using var admin = new NpgsqlConnection(AdminConnectionString());
        await admin.OpenAsync();
        var template = postgresTemplate is null ? "" : $" TEMPLATE \"{postgresTemplate}\"";
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{template}", admin);
        await create.ExecuteNonQueryAsync();
        return new TestStore(folder, name);
    }

    /// <summary>
    /// Closes this store's pooled connections and removes its folder, but keeps its PostgreSQL
    /// database, which nobody is connected to any more: it can serve as a template.
    /// </summary>
    public string KeepAsPostgresTemplate()
    {
        ClearPostgresPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temp folder's own cleanup.
        }

        return postgresDatabase ?? throw new InvalidOperationException("Only a PostgreSQL store can serve as a template.");
    }

    /// <summary>Drops a database this run created, from the maintenance database; false when it could not.</summary>
    public static bool TryDropPostgresDatabase(string name)
    {
        try
        {
            using var admin = new NpgsqlConnection(AdminConnectionString());
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\"", admin);
            drop.ExecuteNonQuery();
            return true;
        }
        catch (NpgsqlException)
        {
            // ./test.sh drops what a run left behind.
            return false;
        }
    }

    private void ClearPostgresPools()
    {
        foreach (var connection in postgresConnections)
        {
            using var pooled = new NpgsqlConnection(connection);
            NpgsqlConnection.ClearPool(pooled);
        }
    }

    /// <summary>The configuration one app instance needs to reach this store.</summary>
    public Dictionary<string, string?> SettingsFor(string instance)
    {
        if (postgresDatabase is null)
        {
            return new()
            {
                ["Database:Provider"] = "Sqlite",
                ["ConnectionStrings:Sqlite"] = $"Data Source={SqlitePath}",
            };
        }

        var connection = new NpgsqlConnectionStringBuilder(AdminConnectionString())
        {
            Database = postgresDatabase,
            // Its own pool per instance, as separate processes would have; small enough that two
            // two-instance tests side by side, or two test runs on one machine, stay under the
            // server's 100 connections. Waiting for a pooled connection is allowed longer than the
            // default 15 s, for the 100 concurrent changes on a busy machine.
            ApplicationName = $"portal-test-{instance}",
            MaxPoolSize = 10,
            Timeout = 60,
        }.ConnectionString;
        lock (postgresConnections)
        {
            postgresConnections.Add(connection);
        }

        return new()
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = connection,
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (postgresDatabase is not null)
        {
            ClearPostgresPools();
            await using var admin = new NpgsqlConnection(AdminConnectionString());
            await admin.OpenAsync();
            try
            {
                // A plain drop also stops an autovacuum worker busy on the database (FORCE would need
                // more than the test role has for that), and waits a few seconds for closing sessions.
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresDatabase}\"", admin);
                await drop.ExecuteNonQueryAsync();
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse)
            {
                // Still open: a connection a failed test left behind.
                await using var force = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)", admin);
                await force.ExecuteNonQueryAsync();
            }
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is removed with the temp folder later; not the test's concern.
        }
    }

    private static DatabaseProvider ProviderOfRun()
    {
        var value = Environment.GetEnvironmentVariable(ProviderVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"{ProviderVariable} is '{value}'; it must be Sqlite or Postgres.");
    }

    private static string AdminConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"{ProviderVariable}=Postgres needs {PostgresVariable}, the connection string of a role that may create databases "
                + "(./test.sh sets both up on a local PostgreSQL).");
        }

        var builder = new NpgsqlConnectionStringBuilder(value);
        if (string.IsNullOrEmpty(builder.Database))
        {
            // CREATE and DROP DATABASE run from the maintenance database.
            builder.Database = "postgres";
        }

        return builder.ConnectionString;
    }
}

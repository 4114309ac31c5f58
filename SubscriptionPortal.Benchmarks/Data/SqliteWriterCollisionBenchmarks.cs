using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Data.Sqlite;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Benchmarks.Data;

/// <summary>
/// Two SQLite writers meeting, as two quotes stored at once do under load: one holds the write lock for
/// 5 ms, the other asks for it meanwhile. One operation lasts until the second has committed, so it is the
/// 5 ms plus how long the second took to notice the lock was free. Without SQLite's busy timeout
/// (<see cref="SqliteBusyTimeout"/>), Microsoft.Data.Sqlite tries again only every 150 ms.
/// </summary>
/// <remarks>
/// A real file in WAL mode with SQLite's default <c>synchronous=FULL</c>, as the app runs it; two
/// connections without pooling, each given the busy timeout or not.
/// </remarks>
[MedianColumn]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 30)]
public class SqliteWriterCollisionBenchmarks
{
    private static readonly TimeSpan Hold = TimeSpan.FromMilliseconds(5);

    private string folder = "";
    private SqliteConnection first = null!;
    private SqliteConnection second = null!;

    [Params(false, true)]
    public bool BusyTimeout { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        folder = Path.Combine(Path.GetTempPath(), "sp-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, "collision.db"),
            DefaultTimeout = 30,
            Pooling = false,
        }.ToString();
        first = Open(connectionString);
        Execute(first, "PRAGMA journal_mode=WAL; CREATE TABLE Writes (Writer TEXT NOT NULL);");
        second = Open(connectionString);
        if (BusyTimeout)
        {
            var timeout = new SqliteBusyTimeout(TimeSpan.FromSeconds(30));
            timeout.Apply(first);
            timeout.Apply(second);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        first.Dispose();
        second.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Benchmark]
    public async Task SecondWriterCommitsAfterTheFirst()
    {
        Execute(first, "BEGIN IMMEDIATE; INSERT INTO Writes VALUES ('first');");
        using var asking = new ManualResetEventSlim();
        var secondWrite = Task.Run(() =>
        {
            asking.Set();
            Execute(second, "BEGIN IMMEDIATE; INSERT INTO Writes VALUES ('second'); COMMIT;");
        });
        asking.Wait();
        Thread.Sleep(Hold);
        Execute(first, "COMMIT;");
        await secondWrite;
    }

    private static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

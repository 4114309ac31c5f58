using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SubscriptionPortal.Data;
using SubscriptionPortal.Tests.Integration.Http;

namespace SubscriptionPortal.Tests.Integration.Data;

/// <summary>The renewal run's checkpoints beside the job: a checkpoint that fails is logged and stops nothing.</summary>
public sealed class SqliteCheckpointsTests
{
    [Fact]
    public async Task AfterCommit_OnADatabaseThatCannotBeOpened_LogsTheFailure_AndTheRunGoesOn()
    {
        var log = new LogCapture();
        using var factory = new LoggerFactory([log]);
        var checkpoints = new SqliteCheckpoints(OptionsContextFactory.OnAMissingFile(), factory.CreateLogger("Renewal"));

        await checkpoints.AfterCommitAsync(CancellationToken.None);
        await checkpoints.FinishRunAsync(CancellationToken.None);

        Assert.Equal(2, checkpoints.Started);
        Assert.Equal(2, log.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.StartsWith("A checkpoint of the SQLite WAL failed", StringComparison.Ordinal)));
    }

    [Fact]
    [Trait("Category", SqliteOnly.Category)]
    public async Task FinishRun_WithAReaderStillOnTheWal_WaitsForItOnlyBriefly_AndReportsNoFailure()
    {
        SqliteOnly.Require();

        await using var database = await TestDatabase.CreateAsync(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero));
        await database.PaidPlatformAsync("Association A", new DateOnly(2026, 3, 10));
        // A long read (an export streaming its PDFs, say) that began while the WAL held pages not yet copied.
        await using var context = database.CreateContext();
        await using var reader = new SqliteConnection(context.Database.GetConnectionString());
        await reader.OpenAsync();
        await using var readTransaction = reader.BeginTransaction(deferred: true);
        Assert.Equal(1L, await CountPlatformsAsync(reader, readTransaction));
        await database.PaidPlatformAsync("Association B", new DateOnly(2026, 3, 10));
        var log = new LogCapture();
        using var factory = new LoggerFactory([log]);
        var checkpoints = new SqliteCheckpoints(database.Get<IDbContextFactory<ApplicationDbContext>>(), factory.CreateLogger("Renewal"));
        await checkpoints.AfterCommitAsync(CancellationToken.None);
        var waited = System.Diagnostics.Stopwatch.StartNew();

        await checkpoints.FinishRunAsync(CancellationToken.None);

        // The connection's own timeout is 30 seconds: the restart checkpoint gives up on the reader long before.
        Assert.InRange(waited.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Empty(log.Entries);
        // The reader still reads its own snapshot.
        Assert.Equal(1L, await CountPlatformsAsync(reader, readTransaction));
        // The pooled connection the checkpoint used has the connection string's timeout again.
        await using var next = database.CreateContext();
        await next.Database.OpenConnectionAsync();
        Assert.Equal(30_000L, await SqlitePragma.ReadAsync(next, "PRAGMA busy_timeout;", CancellationToken.None));
    }

    private static async Task<long> CountPlatformsAsync(SqliteConnection connection, SqliteTransaction transaction)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM Platforms";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task FinishRun_WithoutABatchCommitted_StartsNoCheckpoint()
    {
        var options = new DbContextOptionsBuilder<ApplicationDbContext>().UseSqlite("Data Source=:memory:").Options;
        var checkpoints = new SqliteCheckpoints(new OptionsContextFactory(options), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        await checkpoints.FinishRunAsync(CancellationToken.None);

        Assert.Equal(0, checkpoints.Started);
    }
}

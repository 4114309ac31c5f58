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
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}", "portal.db");
        var options = new DbContextOptionsBuilder<ApplicationDbContext>().UseSqlite($"Data Source={missing};Mode=ReadWrite").Options;
        var log = new LogCapture();
        using var factory = new LoggerFactory([log]);
        var checkpoints = new SqliteCheckpoints(new Factory(options), factory.CreateLogger("Renewal"));

        await checkpoints.AfterCommitAsync(CancellationToken.None);
        await checkpoints.FinishRunAsync(CancellationToken.None);

        Assert.Equal(2, checkpoints.Started);
        Assert.Equal(2, log.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.StartsWith("A checkpoint of the SQLite WAL failed", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task FinishRun_WithoutABatchCommitted_StartsNoCheckpoint()
    {
        var options = new DbContextOptionsBuilder<ApplicationDbContext>().UseSqlite("Data Source=:memory:").Options;
        var checkpoints = new SqliteCheckpoints(new Factory(options), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        await checkpoints.FinishRunAsync(CancellationToken.None);

        Assert.Equal(0, checkpoints.Started);
    }

    private sealed class Factory(DbContextOptions<ApplicationDbContext> options) : IDbContextFactory<ApplicationDbContext>
    {
        public ApplicationDbContext CreateDbContext() => new(options);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SubscriptionPortal.Tests.Integration.Http;

namespace SubscriptionPortal.Tests.Integration.Operations;

public sealed class HealthTests
{
    [Fact]
    public async Task Ready_WhenTheDatabaseAndEveryJobAreFine_IsHealthy()
    {
        await using var app = new PortalApp();
        using var client = app.CreateClient();

        var (status, body) = await ReadyAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("\"name\":\"database\",\"status\":\"Healthy\"", body);
        Assert.Contains("\"name\":\"migrations\",\"status\":\"Healthy\"", body);
        Assert.Contains("\"name\":\"jobs\",\"status\":\"Healthy\"", body);
        Assert.Contains("7 job(s) on time", body);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("health/live")).StatusCode);
    }

    [Fact]
    public async Task Ready_WhenTheDatabaseIsUnreachable_FailsWhileLiveStaysUp()
    {
        await using var app = new PortalApp();
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await ReadyAsync(client)).Status);
        string path;
        await using (var db = app.OpenDatabase())
        {
            path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        }

        // The file gone and a folder in its place: SQLite can neither open nor recreate it.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        Directory.CreateDirectory(path);

        var (status, body) = await ReadyAsync(client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("\"status\":\"Unhealthy\"", body);
        Assert.Contains("\"name\":\"database\",\"status\":\"Unhealthy\"", body);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("health/live")).StatusCode);
    }

    [Fact]
    public async Task Ready_WhenAJobHasNotCompletedARunForTwiceItsInterval_Fails()
    {
        await using var app = new PortalApp(services => services.AddHostedService<StuckJob>());
        using var client = app.CreateClient();
        var (before, _) = await ReadyAsync(client);

        app.Clock.Advance(TimeSpan.FromMinutes(11));
        var (status, body) = await ReadyAsync(client);

        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("\"name\":\"jobs\",\"status\":\"Unhealthy\"", body);
        Assert.Contains("Stalled: Stuck job (no completed run for 11 min, interval 5 min)", body);
        Assert.Contains("\"name\":\"database\",\"status\":\"Healthy\"", body);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("health/live")).StatusCode);
    }

    private static async Task<(HttpStatusCode Status, string Body)> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync("health/ready");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A job whose first run never ends, as one stuck on a lock or a hung call would.</summary>
    private sealed class StuckJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<StuckJob> logger) : PeriodicJob(scopes, clock, logger)
    {
        protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

        protected override string Name => "Stuck job";

        protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) => Task.Delay(Timeout.Infinite, ct);
    }
}

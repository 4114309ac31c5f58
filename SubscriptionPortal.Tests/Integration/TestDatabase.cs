using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Components.Account;
using SubscriptionPortal.Data;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Tests.Integration;

/// <summary>
/// A real SQLite database file in a temporary folder, migrated like the app's, with the app's
/// feature services wired as Program.cs wires them and a fake clock.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string folder;

    private TestDatabase(string folder, ServiceProvider services, FakeTimeProvider clock)
    {
        this.folder = folder;
        Services = services;
        Clock = clock;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Clock { get; }

    public static async Task<TestDatabase> CreateAsync(DateTimeOffset? now = null, bool seedDemo = false, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "sp-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(folder, "portal.db")}",
            ["Seed:Demo"] = seedDemo ? "true" : "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .AddInMemoryCollection(values)
            .Build();
        var environment = new HostingEnvironment { ContentRootPath = folder, EnvironmentName = Environments.Production, ApplicationName = "SubscriptionPortal" };
        var clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero));

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddSingleton<TimeProvider>(clock);
        services.AddPortalData(configuration, environment)
            .AddPortalIdentity()
            .AddCatalog()
            .AddPlatforms()
            .AddSubscriptions()
            .AddBilling(configuration)
            .AddPayments()
            .AddSupport();
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = false });
        await provider.PrepareDatabaseAsync(configuration, environment);
        return new TestDatabase(folder, provider, clock);
    }

    public ApplicationDbContext CreateContext() =>
        Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContext();

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is removed with the temp folder later; not the test's concern.
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Tests.Integration;

/// <summary>
/// A real database, migrated like the app's, with the app's feature services wired as Program.cs
/// wires them and a fake clock: a SQLite file, or a fresh PostgreSQL database when the run asks for
/// it (<see cref="TestStore"/>). <see cref="StartInstanceAsync"/> adds another app instance on the
/// same database, as a second server behind a load balancer would be.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly TestStore store;
    private readonly bool ownsStore;
    private readonly Options options;

    private TestDatabase(TestStore store, bool ownsStore, ServiceProvider services, FakeTimeProvider clock, Options options)
    {
        this.store = store;
        this.ownsStore = ownsStore;
        this.options = options;
        Services = services;
        Clock = clock;
    }

    public ServiceProvider Services { get; }

    /// <summary>Shared by every instance of one database, as synchronised server clocks are.</summary>
    public FakeTimeProvider Clock { get; }

    internal static DatabaseProvider Provider => TestStore.Provider;

    /// <param name="fromTemplate">
    /// A database with neither settings nor services of its own starts as a copy of one of
    /// <see cref="DatabaseTemplates"/>: the same rows, without migrating and seeding them again. The
    /// tests of migrating and seeding themselves say false.
    /// </param>
    public static async Task<TestDatabase> CreateAsync(DateTimeOffset? now = null, bool seedDemo = false, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null, bool fromTemplate = true)
    {
        var clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero));
        fromTemplate = fromTemplate && settings is null && configure is null;
        DateTimeOffset? demoSeededAt = seedDemo ? clock.GetUtcNow() : null;
        var store = fromTemplate && Provider == DatabaseProvider.Postgres
            ? await TestStore.CreateAsync(postgresTemplate: await DatabaseTemplates.PostgresAsync(demoSeededAt))
            : await TestStore.CreateAsync();
        try
        {
            if (fromTemplate && Provider == DatabaseProvider.Sqlite)
            {
                await DatabaseTemplates.CopySqliteAsync(demoSeededAt, store.SqlitePath);
            }

            return await StartAsync(store, ownsStore: true, "a", clock, new Options(seedDemo, settings, configure));
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <summary>A database on <paramref name="store"/> migrated, and seeded at <paramref name="demoSeededAt"/> if given: what a template is made of.</summary>
    internal static Task<TestDatabase> StartTemplateSourceAsync(TestStore store, bool ownsStore, DateTimeOffset? demoSeededAt) =>
        StartAsync(store, ownsStore, "a", new FakeTimeProvider(demoSeededAt ?? DateTimeOffset.UtcNow), new Options(demoSeededAt is not null, null, null));

    /// <summary>Another app instance on this database: its own services, connection pool and caches, the same clock.</summary>
    public Task<TestDatabase> StartInstanceAsync(string name) => StartAsync(store, ownsStore: false, name, Clock, options);

    /// <summary>The SQLite database's connection string, when this database is on SQLite.</summary>
    public string SqliteConnectionString => $"Data Source={store.SqlitePath}";

    public ApplicationDbContext CreateContext() =>
        Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContext();

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>The id of the platform with this name (the demo's "Chorale du Marais"...).</summary>
    public async Task<int> PlatformIdAsync(string name)
    {
        await using var db = CreateContext();
        return await db.Platforms.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (ownsStore)
        {
            await store.DisposeAsync();
        }
    }

    private static async Task<TestDatabase> StartAsync(TestStore store, bool ownsStore, string instance, FakeTimeProvider clock, Options options)
    {
        var values = store.SettingsFor(instance);
        values["Seed:Demo"] = options.SeedDemo ? "true" : "false";
        foreach (var (key, value) in options.Settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .AddInMemoryCollection(values)
            .Build();
        var environment = new HostingEnvironment { ContentRootPath = store.Folder, EnvironmentName = Environments.Production, ApplicationName = "SubscriptionPortal" };

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddSingleton<TimeProvider>(clock);
        services.AddPortalServices(configuration, environment);
        options.Configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = false });
        try
        {
            await provider.PrepareDatabaseAsync(configuration, environment);
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }

        return new TestDatabase(store, ownsStore, provider, clock, options);
    }

    private sealed record Options(bool SeedDemo, IDictionary<string, string?>? Settings, Action<IServiceCollection>? Configure);
}

using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Npgsql;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Benchmarks;

/// <summary>
/// A real SQLite file in a temporary folder, migrated and switched to WAL as the app does at start,
/// with the feature services wired as Program.cs wires them and a <see cref="FixedClock"/>.
/// Or (<see cref="CreatePostgresAsync"/>) a fresh PostgreSQL database, dropped at the end, which
/// <see cref="StartInstanceAsync"/> opens to a second app instance.
/// </summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    public const string Iban = "FR7630006000011234567890189";

    private const string PostgresVariable = "PORTAL_TEST_POSTGRES";

    private readonly string folder;
    private readonly IDictionary<string, string?>? settings;
    private readonly PostgresDatabase? postgres;
    private readonly bool ownsStore;

    private BenchmarkDatabase(string folder, ServiceProvider services, FixedClock clock, IDictionary<string, string?>? settings,
        PostgresDatabase? postgres, bool ownsStore, LogCounter? log)
    {
        this.folder = folder;
        this.settings = settings;
        this.postgres = postgres;
        this.ownsStore = ownsStore;
        Services = services;
        Clock = clock;
        Log = log;
    }

    public ServiceProvider Services { get; }

    /// <summary>Shared by every instance of one database, as synchronised server clocks are.</summary>
    public FixedClock Clock { get; }

    /// <summary>On PostgreSQL, what this instance logged: the renewal job's conflicts, and any warning.</summary>
    public LogCounter? Log { get; }

    /// <param name="settings">Configuration values on top of the defaults (the email delivery...).</param>
    public static async Task<BenchmarkDatabase> CreateAsync(DateTimeOffset now, IDictionary<string, string?>? settings = null)
    {
        var folder = NewFolder();
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(folder, "portal.db")}",
            ["Seed:Demo"] = "false",
        };
        var clock = new FixedClock(now);
        var provider = await StartAsync(folder, values, settings, clock, log: null);
        return new BenchmarkDatabase(folder, provider, clock, settings, postgres: null, ownsStore: true, log: null);
    }

    /// <summary>
    /// A fresh database, named <c>sp_bench_…</c>, on the PostgreSQL server that the environment variable
    /// <c>PORTAL_TEST_POSTGRES</c> reaches (the tests' variable: the connection string of a role that may
    /// create databases, without Database=); it is dropped when this first instance is disposed.
    /// </summary>
    public static async Task<BenchmarkDatabase> CreatePostgresAsync(DateTimeOffset now, IDictionary<string, string?>? settings = null)
    {
        var postgres = await PostgresDatabase.CreateAsync();
        var folder = NewFolder();
        try
        {
            return await StartPostgresAsync(folder, postgres, "a", new FixedClock(now), settings, ownsStore: true);
        }
        catch
        {
            await postgres.DropAsync();
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// Another app instance on this PostgreSQL database, as a second server behind a load balancer: its own
    /// services, connection pool and caches, the same clock. Disposing it leaves the database in place.
    /// </summary>
    public Task<BenchmarkDatabase> StartInstanceAsync(string name) =>
        postgres is null
            ? throw new InvalidOperationException("Only a PostgreSQL database is shared by several instances.")
            : StartPostgresAsync(folder, postgres, name, Clock, settings, ownsStore: false);

    public ApplicationDbContext CreateContext() =>
        Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContext();

    /// <summary>
    /// A platform on Serenity 250 monthly from <paramref name="start"/>, as an admin would have it:
    /// created free, given contacts and a SEPA mandate, then moved to the paid offer through the
    /// change command, which issued its opening invoice. The admin is written directly (no password hashing).
    /// </summary>
    public async Task<(int PlatformId, ClaimsPrincipal Admin)> PaidPlatformAsync(string name, DateOnly start, int contacts = 10)
    {
        var user = new ApplicationUser
        {
            UserName = $"{Guid.NewGuid():N}@bench.example",
            Email = $"{Guid.NewGuid():N}@bench.example",
            DisplayName = name + " admin",
        };
        await using (var db = CreateContext())
        {
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }

        await using var scope = Services.CreateAsyncScope();
        var platformId = await scope.ServiceProvider.GetRequiredService<PlatformProvisioning>().CreateFreePlatformAsync(user.Id, user.Email, name);
        await using (var db = CreateContext())
        {
            var now = Clock.GetUtcNow().UtcDateTime;
            db.Contacts.AddRange(Enumerable.Range(1, contacts)
                .Select(i => new Contact(platformId, "Member", $"{i}", $"m{i}.{platformId}@bench.example", now)));
            db.Mandates.Add(new SepaMandate(platformId, name, Iban, $"BENCH-{platformId}", start, now));
            await db.SaveChangesAsync();
        }

        var admin = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id),
                new Claim(ClaimTypes.Name, user.UserName),
                new Claim(ClaimTypes.Email, user.Email),
                new Claim(ClaimTypes.Role, "Admin"),
            ],
            "Benchmark"));
        var outcome = await scope.ServiceProvider.GetRequiredService<SubscriptionChanges>()
            .ApplyAsync(platformId, new ChangeTarget(CatalogSeed.Serenity, 250, Commitment.Monthly), start, Actor.From(admin));
        if (outcome is not ChangeOutcome.Applied)
        {
            throw new InvalidOperationException($"Starting {name} on Serenity failed: {outcome}.");
        }

        return (platformId, admin);
    }

    public async ValueTask DisposeAsync()
    {
        if (Services.GetService<SqliteWalCheckpointer>() is { } checkpointer)
        {
            await checkpointer.StopAsync(CancellationToken.None);
        }

        await Services.DisposeAsync();
        if (!ownsStore)
        {
            // A second instance: the database and the folder stay for the first.
            return;
        }

        if (postgres is not null)
        {
            await postgres.DropAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open goes with the temp folder later.
        }
    }

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sp-benchmarks", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static async Task<BenchmarkDatabase> StartPostgresAsync(string folder, PostgresDatabase postgres, string instance, FixedClock clock,
        IDictionary<string, string?>? settings, bool ownsStore)
    {
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = postgres.ConnectionStringFor(instance),
            ["Seed:Demo"] = "false",
        };
        var log = new LogCounter();
        var provider = await StartAsync(folder, values, settings, clock, log);
        return new BenchmarkDatabase(folder, provider, clock, settings, postgres, ownsStore, log);
    }

    private static async Task<ServiceProvider> StartAsync(string folder, Dictionary<string, string?> values,
        IDictionary<string, string?>? settings, FixedClock clock, LogCounter? log)
    {
        var configuration = new ConfigurationBuilder()
            // The app's own settings (seller mentions printed on every PDF, quote lifetime), copied beside the binaries.
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .AddInMemoryCollection(values)
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var environment = new HostingEnvironment { ContentRootPath = folder, EnvironmentName = Environments.Production, ApplicationName = "SubscriptionPortal" };

        var services = new ServiceCollection();
        if (log is null)
        {
            // No logging provider: the measured code logs nothing on its normal path, and nothing is written anywhere.
            services.AddLogging();
        }
        else
        {
            // Only counted, and only what the app's code logs (the renewal job's conflicts) and the warnings:
            // EF Core's line per command stays disabled, as it is without a provider.
            services.AddLogging(logging => logging.AddProvider(log).SetMinimumLevel(LogLevel.Warning).AddFilter("SubscriptionPortal", LogLevel.Information));
        }

        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddSingleton<TimeProvider>(clock);
        services.AddPortalServices(configuration, environment);
        var provider = services.BuildServiceProvider();
        try
        {
            await provider.PrepareDatabaseAsync(configuration, environment);
            // SQLite's WAL is copied into the database file beside the work, as the app's host does.
            if (provider.GetService<SqliteWalCheckpointer>() is { } checkpointer)
            {
                await checkpointer.StartAsync(CancellationToken.None);
            }
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }

        return provider;
    }

    /// <summary>A database of its own on the server <c>PORTAL_TEST_POSTGRES</c> reaches, and the pools of the instances on it.</summary>
    private sealed class PostgresDatabase
    {
        private readonly string server;
        private readonly string name;
        private readonly List<string> connections = [];

        private PostgresDatabase(string server, string name)
        {
            this.server = server;
            this.name = name;
        }

        public static async Task<PostgresDatabase> CreateAsync()
        {
            var value = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidOperationException(
                    $"The PostgreSQL benchmarks need the environment variable {PostgresVariable}: set it to the connection string of a role "
                    + "that may create databases, without Database= (e.g. Host=127.0.0.1;Port=5432;Username=portal_test;Password=portal_test; "
                    + "./test.sh sets such a role up on a local PostgreSQL).");
            }

            var builder = new NpgsqlConnectionStringBuilder(value);
            // CREATE and DROP DATABASE run from the maintenance database.
            builder.Database = string.IsNullOrEmpty(builder.Database) ? "postgres" : builder.Database;
            var database = new PostgresDatabase(builder.ConnectionString, $"sp_bench_{Guid.NewGuid():N}");
            await database.ExecuteAsync($"CREATE DATABASE \"{database.name}\"");
            return database;
        }

        /// <summary>
        /// One instance's connection string: its own pool (the application name differs), as a separate process
        /// would have.
        /// </summary>
        public string ConnectionStringFor(string instance)
        {
            var connection = new NpgsqlConnectionStringBuilder(server) { Database = name, ApplicationName = $"portal-bench-{instance}" }.ConnectionString;
            lock (connections)
            {
                connections.Add(connection);
            }

            return connection;
        }

        public async Task DropAsync()
        {
            lock (connections)
            {
                foreach (var connection in connections)
                {
                    using var pooled = new NpgsqlConnection(connection);
                    NpgsqlConnection.ClearPool(pooled);
                }
            }

            try
            {
                await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\"");
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse)
            {
                // A connection still open (another instance not disposed yet): the database goes anyway.
                await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
        }

        private async Task ExecuteAsync(string sql)
        {
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand(sql, admin);
            await command.ExecuteNonQueryAsync();
        }
    }
}

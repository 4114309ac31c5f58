using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SubscriptionPortal.Data;

internal static class DataRegistration
{
    /// <summary>Shared by every instance, so that each reads the others' cookies and antiforgery tokens.</summary>
    public const string DataProtectionApplicationName = "SubscriptionPortal";

    // Any constant works, as long as every instance uses the same one.
    private const long StartLockKey = 0x5350_5354_4152_54;

    /// <summary>
    /// Registers the database chosen by <c>Database:Provider</c>. SQLite is the embedded default: a
    /// file under the app's data folder (<c>App_Data/</c> beside the content root unless
    /// <c>ConnectionStrings:Sqlite</c> says otherwise). PostgreSQL (<c>ConnectionStrings:Postgres</c>)
    /// serves several instances at once. Data Protection keys live in the database either way.
    /// </summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Pooled: every operation takes a short-lived context, and reusing them cut a renewal's CPU
        // time by 10 to 20 % in the benchmarks. The context holds no state of its own, so reuse is safe.
        // The interceptors the features register (IInterceptor) apply to whichever provider is chosen.
        switch (ProviderOf(configuration))
        {
            case DatabaseProvider.Postgres:
                var postgres = configuration.GetConnectionString("Postgres");
                if (string.IsNullOrWhiteSpace(postgres))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is Postgres but ConnectionStrings:Postgres is empty (environment variable ConnectionStrings__Postgres).");
                }

                services.AddPooledDbContextFactory<PostgresDbContext>((sp, options) => options.UseNpgsql(postgres).AddInterceptors(sp.GetServices<IInterceptor>()));
                services.AddSingleton<IDbContextFactory<ApplicationDbContext>, ProviderContextFactory<PostgresDbContext>>();
                break;
            default:
                var sqlite = SqliteConnectionString(configuration, environment);
                var busyTimeout = new SqliteBusyTimeout(TimeSpan.FromSeconds(sqlite.DefaultTimeout));
                services.AddPooledDbContextFactory<ApplicationDbContext>((sp, options) => options.UseSqlite(sqlite.ToString())
                    .AddInterceptors(sp.GetServices<IInterceptor>()).AddInterceptors(busyTimeout, new SqliteWalCheckpointer.ConnectionThreshold()));
                // The WAL is copied into the database file beside the requests, not in the commits that cross its threshold.
                services.AddSingleton<SqliteWalCheckpointer>();
                services.AddHostedService(sp => sp.GetRequiredService<SqliteWalCheckpointer>());
                break;
        }

        // Identity's stores and the Data Protection key store take a scoped context; it comes from the same factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContext());
        services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<ApplicationDbContext>();
        services.AddScoped<DemoSeeder>();
        return services;
    }

    public static DatabaseProvider ProviderOf(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider is '{value}'; it must be Sqlite or Postgres.");
    }

    private static SqliteConnectionStringBuilder SqliteConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var builder = new SqliteConnectionStringBuilder(configuration.GetConnectionString("Sqlite") ?? "Data Source=App_Data/portal.db");
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
        {
            builder.DataSource = Path.Combine(environment.ContentRootPath, builder.DataSource);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        // Writers wait for each other (in seconds) instead of failing at once: SqliteBusyTimeout gives the same
        // time to SQLite's own busy timeout.
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        return builder;
    }

    /// <summary>
    /// Migrates the database (SQLite also switches to WAL), gives older rows their folded search keys,
    /// creates the Data Protection key ring and seeds roles and (when asked) the demo. On PostgreSQL
    /// instances starting together take turns under an advisory lock, so that one migrates and seeds and
    /// the others find it done.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, IConfiguration configuration, IHostEnvironment environment)
    {
        await using var scope = services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<ApplicationDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var postgres = db.Database.IsNpgsql();
        if (postgres)
        {
            // The lock belongs to this context's connection, kept open until the end.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({StartLockKey})");
        }

        try
        {
            await db.Database.MigrateAsync();
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }

            await FoldedKeys.FillMissingAsync(db);

            // The first use creates the key ring's first key. Doing it here, under the lock, gives
            // instances started together one key instead of one each.
            scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("SubscriptionPortal.Start").Protect([1]);

            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            await seeder.SeedRolesAsync();
            if (configuration.GetValue("Seed:Demo", environment.IsDevelopment()))
            {
                await seeder.SeedDemoAsync();
            }
        }
        finally
        {
            if (postgres)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({StartLockKey})");
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}

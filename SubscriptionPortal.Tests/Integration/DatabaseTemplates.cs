using System.Collections.Concurrent;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Operations;
using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Tests.Integration;

/// <summary>
/// Databases migrated (and, for the demo, seeded) once per test run and then copied for every test
/// that would have built the same one: a SQLite file copied, or a PostgreSQL database created from
/// it as a template. Seeding the demo is most of an app's start (four password hashes, 540 contacts,
/// two platforms billed with their PDFs), and hundreds of tests start one. A copy is the database as
/// the app's own start leaves it, before any periodic job has run; the start then finds it migrated
/// and seeded, and changes nothing.
/// </summary>
/// <remarks>
/// What the start writes depends on the clock only through the demo's rows: a database without the
/// demo is the same whatever the time, and a demo is keyed by the exact instant it was seeded at.
/// </remarks>
internal static class DatabaseTemplates
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "sp-templates", Guid.NewGuid().ToString("N"));
    private static readonly TimeZoneInfo DemoZone = TimeZoneInfo.FindSystemTimeZoneById(Platform.DefaultTimeZone);
    private static readonly ConcurrentDictionary<(DatabaseProvider, DateTimeOffset?), Lazy<Task<string>>> Templates = new();
    private static readonly ConcurrentDictionary<DateOnly, Lazy<Task<string>>> DemoByDay = new();
    private static readonly ConcurrentBag<string> PostgresTemplates = [];

    static DatabaseTemplates() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteAll();

    /// <summary>Writes to <paramref name="path"/> the SQLite database migrated, and seeded with the demo at <paramref name="demoSeededAt"/> if given.</summary>
    public static async Task CopySqliteAsync(DateTimeOffset? demoSeededAt, string path) =>
        File.Copy(await TemplateAsync(DatabaseProvider.Sqlite, demoSeededAt), path);

    /// <summary>The PostgreSQL database to create a test's database from: migrated, and seeded with the demo at <paramref name="demoSeededAt"/> if given.</summary>
    public static Task<string> PostgresAsync(DateTimeOffset? demoSeededAt) => TemplateAsync(DatabaseProvider.Postgres, demoSeededAt);

    /// <summary>
    /// Writes to <paramref name="path"/> the SQLite demo database of the day of <paramref name="now"/> in the
    /// demo platforms' time zone, seeded at the first instant a test asked for that day. For apps on
    /// the real clock: their demo shows the same periods and dates as one seeded now, only its rows
    /// were written a few minutes earlier.
    /// </summary>
    public static void CopyDemoOfTheDay(DateTimeOffset now, string path) =>
        // On the thread pool, so that no test's synchronisation context is needed to finish.
        Task.Run(async () =>
        {
            var template = DemoByDay.GetOrAdd(PeriodMath.LocalDate(now, DemoZone), _ => new Lazy<Task<string>>(() => TemplateAsync(DatabaseProvider.Sqlite, now)));
            File.Copy(await template.Value, path);
        }).GetAwaiter().GetResult();

    private static Task<string> TemplateAsync(DatabaseProvider provider, DateTimeOffset? demoSeededAt) =>
        Templates.GetOrAdd((provider, demoSeededAt), key => new Lazy<Task<string>>(() => key.Item1 == DatabaseProvider.Postgres
            ? CreatePostgresAsync(key.Item2)
            : CreateSqliteAsync(key.Item2))).Value;

    private static async Task<string> CreateSqliteAsync(DateTimeOffset? demoSeededAt)
    {
        Directory.CreateDirectory(Folder);
        var target = Path.Combine(Folder, $"{(demoSeededAt is { } at ? $"demo-{at.UtcTicks}" : "empty")}.db");
        await using var source = await TestDatabase.StartTemplateSourceAsync(await TestStore.CreateAsync(DatabaseProvider.Sqlite), ownsStore: true, demoSeededAt);
        var backup = await SqliteBackup.CreateAsync(source.SqliteConnectionString, target);
        return backup.Succeeded ? target : throw new InvalidOperationException($"The SQLite template could not be written: {backup.Message}");
    }

    private static async Task<string> CreatePostgresAsync(DateTimeOffset? demoSeededAt)
    {
        var store = await TestStore.CreateAsync(DatabaseProvider.Postgres);
        try
        {
            // Without the store: the services are disposed, the database is kept.
            await (await TestDatabase.StartTemplateSourceAsync(store, ownsStore: false, demoSeededAt)).DisposeAsync();
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }

        var name = store.KeepAsPostgresTemplate();
        PostgresTemplates.Add(name);
        return name;
    }

    private static void DeleteAll()
    {
        // Side by side: the test host may be stopped soon after the run ends (./test.sh drops what is left).
        Parallel.ForEach(PostgresTemplates, name => TestStore.TryDropPostgresDatabase(name));

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temp folder's own cleanup.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }
}

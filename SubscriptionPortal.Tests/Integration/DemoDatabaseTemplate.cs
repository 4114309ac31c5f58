using System.Collections.Concurrent;
using SubscriptionPortal.Common;
using SubscriptionPortal.Operations;
using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Tests.Integration;

/// <summary>
/// The demo database on SQLite, migrated and seeded once and then copied for every test app that
/// would have migrated and seeded the same one. Seeding is most of an app's start (four password
/// hashes, 540 contacts, two platforms billed with their PDFs), and hundreds of tests start an app.
/// A copy is the database as the app's own start leaves it, before any periodic job has run; the
/// app's start then finds it migrated and seeded, and changes nothing.
/// </summary>
internal static class DemoDatabaseTemplate
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "sp-templates", Guid.NewGuid().ToString("N"));
    private static readonly TimeZoneInfo DemoZone = TimeZoneInfo.FindSystemTimeZoneById(Platform.DefaultTimeZone);
    private static readonly ConcurrentDictionary<DateTimeOffset, Lazy<Task<string>>> ByInstant = new();
    private static readonly ConcurrentDictionary<DateOnly, Lazy<Task<string>>> ByDay = new();

    static DemoDatabaseTemplate() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteFolder();

    /// <summary>
    /// Writes to <paramref name="path"/> the demo database seeded with the clock at exactly
    /// <paramref name="seededAt"/>: the same rows a fresh seed at that instant writes.
    /// </summary>
    public static async Task CopySeededAtAsync(DateTimeOffset seededAt, string path)
    {
        var template = ByInstant.GetOrAdd(seededAt, at => new Lazy<Task<string>>(() => CreateAsync(at)));
        File.Copy(await template.Value, path);
    }

    /// <summary>
    /// Writes to <paramref name="path"/> the demo database of the day of <paramref name="now"/> in the
    /// demo platforms' time zone, seeded at the first instant a test asked for that day. For apps on
    /// the real clock: their demo shows the same periods and dates as one seeded now, only its rows
    /// were written a few minutes earlier.
    /// </summary>
    public static async Task CopyOfTheDayAsync(DateTimeOffset now, string path)
    {
        var template = ByDay.GetOrAdd(PeriodMath.LocalDate(now, DemoZone), _ => new Lazy<Task<string>>(() => CreateAsync(now)));
        File.Copy(await template.Value, path);
    }

    /// <summary>The synchronous form, for app factories that build their host synchronously.</summary>
    public static void CopyOfTheDay(DateTimeOffset now, string path) =>
        // On the thread pool, so that no test's synchronisation context is needed to finish.
        Task.Run(() => CopyOfTheDayAsync(now, path)).GetAwaiter().GetResult();

    private static async Task<string> CreateAsync(DateTimeOffset seededAt)
    {
        Directory.CreateDirectory(Folder);
        var target = Path.Combine(Folder, $"demo-{seededAt.UtcTicks}.db");
        await using (var seeded = await TestDatabase.SeedSqliteDemoAsync(seededAt))
        {
            var backup = await SqliteBackup.CreateAsync(seeded.SqliteConnectionString, target);
            if (!backup.Succeeded)
            {
                throw new InvalidOperationException($"The demo database template could not be written: {backup.Message}");
            }
        }

        return target;
    }

    private static void DeleteFolder()
    {
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

using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
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
/// </summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    public const string Iban = "FR7630006000011234567890189";

    private readonly string folder;

    private BenchmarkDatabase(string folder, ServiceProvider services, FixedClock clock)
    {
        this.folder = folder;
        Services = services;
        Clock = clock;
    }

    public ServiceProvider Services { get; }

    public FixedClock Clock { get; }

    /// <param name="settings">Configuration values on top of the defaults (the email delivery...).</param>
    public static async Task<BenchmarkDatabase> CreateAsync(DateTimeOffset now, IDictionary<string, string?>? settings = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "sp-benchmarks", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var configuration = new ConfigurationBuilder()
            // The app's own settings (seller mentions printed on every PDF, quote lifetime), copied beside the binaries.
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(folder, "portal.db")}",
                ["Seed:Demo"] = "false",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var environment = new HostingEnvironment { ContentRootPath = folder, EnvironmentName = Environments.Production, ApplicationName = "SubscriptionPortal" };
        var clock = new FixedClock(now);

        var services = new ServiceCollection();
        // No logging provider: the measured code logs nothing on its normal path, and nothing is written anywhere.
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddSingleton<TimeProvider>(clock);
        services.AddPortalServices(configuration, environment);
        var provider = services.BuildServiceProvider();
        await provider.PrepareDatabaseAsync(configuration, environment);
        return new BenchmarkDatabase(folder, provider, clock);
    }

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
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open goes with the temp folder later.
        }
    }
}

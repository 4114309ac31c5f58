using Microsoft.AspNetCore.Identity;
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

namespace SubscriptionPortal.LoadTests;

/// <summary>
/// The people of a run: admins <c>load-1@load.test</c> … each with their own platform on Serenity 250
/// monthly, started 10 days ago with a SEPA mandate and its opening invoice, as the demo's Chorale.
/// Written through the app's own services (Identity, provisioning, the change command) into the
/// database the published app will open.
/// </summary>
internal static class LoadUsers
{
    public const string Password = DemoSeeder.Password;

    private const string Iban = "FR7630006000011234567890189";

    public static string Email(int index) => $"load-{index}@load.test";

    public static async Task SeedAsync(string appFolder, string databasePath, int count)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(appFolder, "appsettings.json"), optional: false)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Sqlite"] = $"Data Source={databasePath}",
                ["Seed:Demo"] = "false",
            })
            .Build();
        var environment = new HostingEnvironment
        {
            ContentRootPath = Path.GetDirectoryName(databasePath)!,
            EnvironmentName = Environments.Production,
            ApplicationName = "SubscriptionPortal",
        };
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddSingleton(TimeProvider.System);
        services.AddPortalServices(configuration, environment);
        await using (var provider = services.BuildServiceProvider())
        {
            await provider.PrepareDatabaseAsync(configuration, environment);
            // One real hash for everyone: hashing is deliberately slow, and each user signs in with the same password.
            var hash = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Password);
            for (var i = 1; i <= count; i++)
            {
                await using var scope = provider.CreateAsyncScope();
                await SeedOneAsync(scope.ServiceProvider, i, hash);
            }
        }

        SqliteConnection.ClearAllPools();
    }

    private static async Task SeedOneAsync(IServiceProvider services, int index, string passwordHash)
    {
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var email = Email(index);
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Load user {index}", PasswordHash = passwordHash };
        Check(await users.CreateAsync(user), email);
        Check(await users.AddToRoleAsync(user, PortalRoles.Admin), email);

        var clock = services.GetRequiredService<TimeProvider>();
        var today = PeriodMath.LocalDate(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(Platform.DefaultTimeZone));
        var start = today.AddDays(-10);
        var name = $"Association de charge {index}";
        var platformId = await services.GetRequiredService<PlatformProvisioning>().CreateFreePlatformAsync(user.Id, email, name);
        await using (var db = await services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync())
        {
            db.Mandates.Add(new SepaMandate(platformId, name, Iban, MandateReference.Create(platformId, start, 1), start, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        }

        var outcome = await services.GetRequiredService<SubscriptionChanges>()
            .ApplyAsync(platformId, new ChangeTarget(CatalogSeed.Serenity, 250, Commitment.Monthly), start, Actor.System(user.Id, email));
        if (outcome is not ChangeOutcome.Applied)
        {
            throw new InvalidOperationException($"{name} could not start on Serenity: {outcome}.");
        }
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"User {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}

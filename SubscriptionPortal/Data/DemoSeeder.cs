using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Data;

/// <summary>
/// The demo of SPEC §9, with dates relative to today so it always shows a mid-period state. Paid
/// platforms go through the real billing engine (free → paid on the day their period started), so
/// each has the issued invoice that opened its current period. Seeding again changes nothing.
/// </summary>
internal sealed class DemoSeeder(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    SubscriptionChanges changes,
    TimeProvider clock,
    ILogger<DemoSeeder> logger)
{
    public const string Password = "Demo-Portal-2026!";

    private static readonly DemoPlatform[] Platforms =
    [
        new("liberty@demo.test", "Camille Martin", "Les Amis du Vélo", "8 quai de la Loire", "44000", "Nantes", "tresorier@amisduvelo.test",
            40, null, 0, null, null),
        new("serenity@demo.test", "Hélène Dubois", "Chorale du Marais", "21 rue Vieille du Temple", "75004", "Paris", "compta@choraledumarais.test",
            180, new ChangeTarget(CatalogSeed.Serenity, 250, Commitment.Monthly), 10, "FR7630006000011234567890189", "Chorale du Marais"),
        new("pro@demo.test", "Julien Moreau", "Club Nautique de Lyon", "3 quai Rambaud", "69002", "Lyon", "tresorerie@cnlyon.test",
            320, new ChangeTarget(CatalogSeed.Professional, 1000, Commitment.Annual), 100, "FR1420041010050500013M02606", "Club Nautique de Lyon"),
    ];

    public async Task SeedRolesAsync()
    {
        foreach (var role in new[] { PortalRoles.Admin, PortalRoles.Support })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public async Task SeedDemoAsync()
    {
        await SeedRolesAsync();
        await EnsureUserAsync("support@demo.test", "Sam Support", PortalRoles.Support);
        foreach (var demo in Platforms)
        {
            var user = await EnsureUserAsync(demo.Email, demo.AdminName, PortalRoles.Admin);
            await using var db = await dbFactory.CreateDbContextAsync();
            if (await db.Memberships.AnyAsync(m => m.UserId == user.Id))
            {
                continue;
            }

            await SeedPlatformAsync(user, demo);
        }
    }

    private async Task<ApplicationUser> EnsureUserAsync(string email, string name, string role)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo user {email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            }
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            await users.AddToRoleAsync(user, role);
        }

        return user;
    }

    private async Task SeedPlatformAsync(ApplicationUser admin, DemoPlatform demo)
    {
        var now = clock.GetUtcNow();
        var today = PeriodMath.LocalDate(now, TimeZoneInfo.FindSystemTimeZoneById(Platform.DefaultTimeZone));
        int platformId;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var platform = new Platform(demo.Name, demo.BillingEmail, now.UtcDateTime);
            platform.UpdateDetails(demo.Name, demo.Address, demo.PostalCode, demo.City, Platform.DefaultCountry, null, demo.BillingEmail);
            db.Platforms.Add(platform);
            await db.SaveChangesAsync();
            platformId = platform.Id;

            db.Memberships.Add(new PlatformMembership(platformId, admin.Id));
            db.Subscriptions.Add(Subscription.StartFree(platformId, CatalogSeed.Liberty));
            db.Contacts.AddRange(DemoContacts.For(platformId, demo.Contacts, now.UtcDateTime));
            if (demo.Iban is not null)
            {
                var signedOn = today.AddDays(-demo.StartedDaysAgo);
                db.Mandates.Add(new SepaMandate(platformId, demo.AccountHolder!, demo.Iban, MandateReference.Create(platformId, signedOn, 1), signedOn, now.UtcDateTime));
            }

            await db.SaveChangesAsync();
        }

        if (demo.Paid is { } target)
        {
            // The subscription started StartedDaysAgo: the engine bills it as it would have then.
            var start = today.AddDays(-demo.StartedDaysAgo);
            var outcome = await changes.ApplyAsync(platformId, target, start, Actor.System(admin.Id, admin.Email!));
            if (outcome is not ChangeOutcome.Applied applied)
            {
                throw new InvalidOperationException($"Demo platform {demo.Name} could not start {target.OfferCode}: {outcome}");
            }

            await using var db = await dbFactory.CreateDbContextAsync();
            // Long past its collection date: the opening invoice has been paid.
            if (applied.DirectDebitId is { } debitId)
            {
                var debit = await db.DirectDebits.SingleAsync(d => d.Id == debitId);
                var collectedAt = clock.GetUtcNow().UtcDateTime;
                debit.MarkSubmitted(fileId: null, DirectDebit.First, debit.CollectionDate, collectedAt);
                debit.MarkCollected(collectedAt);
                await db.SaveChangesAsync();
            }
        }

        logger.DemoPlatformSeeded(demo.Name);
    }

    private sealed record DemoPlatform(
        string Email, string AdminName, string Name, string Address, string PostalCode, string City, string BillingEmail,
        int Contacts, ChangeTarget? Paid, int StartedDaysAgo, string? Iban, string? AccountHolder);
}

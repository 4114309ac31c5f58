using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Tests.Integration;

/// <summary>Builds platforms for billing tests through the app's own services (no password hashing: users are written directly).</summary>
public static class BillingWorld
{
    public const string TestIban = "FR7630006000011234567890189";

    /// <summary>A platform with one admin, contacts and a mandate, started on Serenity on <paramref name="start"/> through the engine.</summary>
    public static async Task<(int PlatformId, ClaimsPrincipal Admin)> PaidPlatformAsync(
        this TestDatabase database, string name, DateOnly start, string offer = CatalogSeed.Serenity, int tier = 250,
        Commitment commitment = Commitment.Monthly, int contacts = 10)
    {
        var (platformId, admin) = await database.FreePlatformAsync(name, contacts, withMandate: true);
        var outcome = await database.Get<SubscriptionChanges>()
            .ApplyAsync(platformId, new ChangeTarget(offer, tier, commitment), start, Actor.From(admin));
        Assert.IsType<ChangeOutcome.Applied>(outcome);
        return (platformId, admin);
    }

    public static async Task<(int PlatformId, ClaimsPrincipal Admin)> FreePlatformAsync(this TestDatabase database, string name, int contacts = 10, bool withMandate = false)
    {
        var user = new ApplicationUser
        {
            UserName = $"{Guid.NewGuid():N}@test.example",
            Email = $"{Guid.NewGuid():N}@test.example",
            DisplayName = name + " admin",
        };
        await using (var db = database.CreateContext())
        {
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }

        var platformId = await database.Get<PlatformProvisioning>().CreateFreePlatformAsync(user.Id, user.Email!, name);
        await using (var db = database.CreateContext())
        {
            var now = database.Clock.GetUtcNow().UtcDateTime;
            db.Contacts.AddRange(Enumerable.Range(1, contacts).Select(i => new Contact(platformId, "Member", $"{i}", $"m{i}.{platformId}@test.example", now)));
            if (withMandate)
            {
                db.Mandates.Add(new SepaMandate(platformId, name, TestIban, $"TEST-{platformId}", new DateOnly(2026, 1, 1), now));
            }

            await db.SaveChangesAsync();
        }

        return (platformId, TestUsers.Principal(user, ["Admin"]));
    }

    public static async Task<QuoteView> QuoteAsync(this TestDatabase database, ClaimsPrincipal admin, ChangeTarget target)
    {
        var outcome = await database.Get<SubscriptionChanges>().QuoteAsync(admin, target);
        return Assert.IsType<QuoteOutcome.Quoted>(outcome).Quote;
    }

    public static async Task<int> CounterAsync(this TestDatabase database, string series, int year)
    {
        await using var db = database.CreateContext();
        return await db.DocumentCounters.Where(c => c.Series == series && c.Year == year).Select(c => c.LastNumber).SingleOrDefaultAsync();
    }
}

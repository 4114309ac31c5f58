using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Data;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Platforms;

/// <summary>Creates new, empty, 100 % free (Liberty) platforms; the creator becomes their admin.</summary>
internal sealed class PlatformProvisioning(IDbContextFactory<ApplicationDbContext> dbFactory, TimeProvider clock)
{
    public async Task<int> CreateFreePlatformAsync(string userId, string userEmail, string name, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var platform = new Platform(name.Trim(), userEmail, now);
        db.Platforms.Add(platform);
        await db.SaveChangesAsync(ct);

        db.Memberships.Add(new PlatformMembership(platform.Id, userId));
        db.Subscriptions.Add(Subscription.StartFree(platform.Id, CatalogSeed.Liberty));
        db.AuditEntries.Add(new AuditEntry(now, platform.Id, userId, userEmail, "platform.created", $"Created \"{platform.Name}\" on Liberty."));
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.CurrentPlatformId, platform.Id), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return platform.Id;
    }
}

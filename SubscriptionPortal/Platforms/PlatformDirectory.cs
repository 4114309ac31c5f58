using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Platforms;

/// <summary>A platform in the switcher; a closed one is read-only.</summary>
public sealed record PlatformSummary(int Id, string Name, bool IsClosed = false);

/// <summary>The platform an admin works on, and the others they can switch to.</summary>
public sealed record PlatformContext(PlatformSummary Current, IReadOnlyList<PlatformSummary> All);

/// <summary>The platform at a glance, for the dashboard.</summary>
public sealed record PlatformOverview(
    string PlatformName,
    string OfferName,
    bool IsFree,
    int? TierMaxContacts,
    int ContactsInUse,
    int ArchivedContacts,
    string? Commitment,
    // The renewal date, or the last day of a cancelled subscription.
    DateOnly? NextRenewal,
    bool CancelAtPeriodEnd,
    PlatformStatus Status);

/// <summary>Which platforms an admin has, switching between them, and each one's overview.</summary>
internal sealed class PlatformDirectory(IDbContextFactory<ApplicationDbContext> dbFactory)
{
    public async Task<PlatformContext?> GetContextAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var currentId = await db.CurrentPlatformIdAsync(user, ct);
        if (currentId is null)
        {
            return null;
        }

        var userId = user.UserId();
        var memberOf = db.Memberships.Where(m => m.UserId == userId).Select(m => m.PlatformId);
        if (ImpersonationSession.From(user) is not null)
        {
            // The agent acts on the impersonated platform only: the admin's other platforms are not offered.
            memberOf = memberOf.Where(p => p == currentId);
        }

        var all = await db.Platforms.Where(p => memberOf.Contains(p.Id))
            .OrderBy(p => p.NameKey).ThenBy(p => p.Id)
            .Select(p => new PlatformSummary(p.Id, p.Name, p.Status == PlatformStatus.Closed))
            .ToListAsync(ct);
        return new PlatformContext(all.Single(p => p.Id == currentId), all);
    }

    /// <summary>
    /// Makes <paramref name="platformId"/> the admin's current platform; false (and nothing changed) when they
    /// don't administer it, or when a support agent impersonating them asks: the choice is the admin's own, and
    /// the agent stays on the impersonated platform.
    /// </summary>
    public async Task<bool> SwitchAsync(ClaimsPrincipal user, int platformId, CancellationToken ct = default)
    {
        if (ImpersonationSession.From(user) is not null)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.AdministersAsync(user, platformId, ct))
        {
            return false;
        }

        var userId = user.UserId();
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.CurrentPlatformId, platformId), ct);
        return true;
    }

    public async Task<PlatformOverview?> GetOverviewAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.CurrentPlatformIdAsync(user, ct) is not { } platformId)
        {
            return null;
        }

        var platform = await db.Platforms.SingleAsync(p => p.Id == platformId, ct);
        var subscription = await db.Subscriptions.SingleAsync(s => s.PlatformId == platformId, ct);
        var offer = await db.Offers.SingleAsync(o => o.Code == subscription.OfferCode, ct);
        var active = await db.Contacts.CountAsync(c => c.PlatformId == platformId && !c.IsArchived, ct);
        var archived = await db.Contacts.CountAsync(c => c.PlatformId == platformId && c.IsArchived, ct);
        // A cancelled subscription shows its last day, as the banner does; a renewing one the renewal date.
        var date = subscription.CancelAtPeriodEnd ? subscription.CurrentPeriod?.LastDay : subscription.Plan?.PeriodEnd;
        return new PlatformOverview(platform.Name, offer.Name, offer.IsFree, subscription.Plan?.TierMaxContacts, active, archived,
            subscription.Plan?.Commitment.ToString(), date, subscription.CancelAtPeriodEnd, platform.Status);
    }
}

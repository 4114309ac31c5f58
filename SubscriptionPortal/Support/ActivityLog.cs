using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Data;
using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Support;

public sealed record ActivityRow(DateTime AtUtc, string Actor, string? OnBehalfOf, string Action, string Details);

/// <summary>Reads a platform's audit log, newest first.</summary>
internal sealed class ActivityLog(IDbContextFactory<ApplicationDbContext> dbFactory)
{
    public async Task<IReadOnlyList<ActivityRow>> ForCurrentPlatformAsync(ClaimsPrincipal user, int max = 200, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CurrentPlatformIdAsync(user, ct) is { } platformId ? await ReadAsync(db, platformId, max, ct) : [];
    }

    public static async Task<IReadOnlyList<ActivityRow>> ReadAsync(ApplicationDbContext db, int platformId, int max, CancellationToken ct)
    {
        return await db.AuditEntries.AsNoTracking()
            .Where(a => a.PlatformId == platformId)
            .OrderByDescending(a => a.Id)
            .Take(max)
            .Select(a => new ActivityRow(a.AtUtc, a.ActorEmail, a.OnBehalfOfEmail, a.Action, a.Details))
            .ToListAsync(ct);
    }
}

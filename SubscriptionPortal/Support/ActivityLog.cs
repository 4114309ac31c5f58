using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SubscriptionPortal.Data;
using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Support;

/// <summary>One line of a platform's Activity. <see cref="AtUtc"/> is UTC; pages show it in the platform's time zone.</summary>
public sealed record ActivityRow(DateTime AtUtc, string Actor, string? OnBehalfOf, string Action, string Details)
{
    /// <summary>The action as the reader calls it, in their language (see <see cref="AuditActions.Label"/>).</summary>
    public string ActionLabel { get; init; } = Action;
}

/// <summary>A platform's audit log, newest first, with the time zone its dates are read in.</summary>
public sealed record PlatformActivity(int PlatformId, string PlatformName, string TimeZoneId, IReadOnlyList<ActivityRow> Rows)
{
    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
}

/// <summary>Reads a platform's audit log, newest first (Settings › Activity, and the support console).</summary>
internal sealed class ActivityLog(IDbContextFactory<ApplicationDbContext> dbFactory, IStringLocalizerFactory localizers)
{
    /// <summary>How many entries a page shows.</summary>
    public const int PageSize = 200;

    /// <summary>The admin's current platform's log; null for a user who administers none.</summary>
    public async Task<PlatformActivity?> ForCurrentPlatformAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CurrentPlatformIdAsync(user, ct) is { } platformId ? await ReadAsync(db, platformId, PageSize, localizers, ct) : null;
    }

    /// <summary>Reads a platform's log; callers have already checked access.</summary>
    public static async Task<PlatformActivity?> ReadAsync(ApplicationDbContext db, int platformId, int max, IStringLocalizerFactory localizers, CancellationToken ct)
    {
        var platform = await db.Platforms.AsNoTracking()
            .Where(p => p.Id == platformId)
            .Select(p => new { p.Name, p.TimeZoneId })
            .SingleOrDefaultAsync(ct);
        if (platform is null)
        {
            return null;
        }

        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.PlatformId == platformId)
            .OrderByDescending(a => a.Id)
            .Take(max)
            .Select(a => new ActivityRow(a.AtUtc, a.ActorEmail, a.OnBehalfOfEmail, a.Action, a.Details))
            .ToListAsync(ct);
        var labels = localizers.Create(typeof(AuditActions));
        var details = localizers.Create(typeof(AuditDetails));
        return new PlatformActivity(platformId, platform.Name, platform.TimeZoneId,
            [.. rows.Select(row => row with
            {
                ActionLabel = AuditActions.Label(row.Action, labels),
                Details = AuditDetails.Localize(row.Action, row.Details, details),
            })]);
    }
}

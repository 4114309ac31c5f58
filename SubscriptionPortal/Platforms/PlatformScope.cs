using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Data;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Platforms;

/// <summary>
/// Resolves which platform a signed-in admin is working on. Every feature service goes through it,
/// so an id from the browser is never trusted: only memberships count (SPEC §8).
/// </summary>
internal static class PlatformScope
{
    // One query, compiled once per process (per model) (every command of an admin asks it): the platform they chose when they
    // still administer it, else the first of theirs.
    private static readonly CompiledPerModel<Func<ApplicationDbContext, string, CancellationToken, Task<int?>>> ChosenElseFirst = new(() => EF.CompileAsyncQuery(
        (ApplicationDbContext db, string userId, CancellationToken ct) => db.Memberships
            .Where(m => m.UserId == userId)
            .Select(m => m.PlatformId)
            .OrderBy(p => db.Users.Where(u => u.Id == userId).Select(u => u.CurrentPlatformId).Contains(p) ? 0 : 1)
            .ThenBy(p => p)
            .Select(p => (int?)p)
            .FirstOrDefault()));

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The user is not signed in.");

    /// <summary>
    /// The admin's current platform: the one they switched to, else their first; null for a user with none.
    /// While a support agent impersonates the admin it is always the platform the impersonation was started
    /// on (SPEC §7), whatever the admin chose for themselves: the agent reaches no other platform.
    /// </summary>
    public static async Task<int?> CurrentPlatformIdAsync(this ApplicationDbContext db, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (ImpersonationSession.From(user) is { } impersonation)
        {
            return await db.AdministersAsync(user, impersonation.PlatformId, ct) ? impersonation.PlatformId : null;
        }

        return await ChosenElseFirst.For(db)(db, user.UserId(), ct);
    }

    /// <summary>True when the user administers the platform; while impersonated, only the impersonated platform counts.</summary>
    public static Task<bool> AdministersAsync(this ApplicationDbContext db, ClaimsPrincipal user, int platformId, CancellationToken ct = default)
    {
        if (ImpersonationSession.From(user) is { } impersonation && impersonation.PlatformId != platformId)
        {
            return Task.FromResult(false);
        }

        var userId = user.UserId();
        return db.Memberships.AnyAsync(m => m.UserId == userId && m.PlatformId == platformId, ct);
    }

    /// <summary>True when the user may read the platform's records (documents, data export): its admins and support staff.</summary>
    public static async Task<bool> MayReadAsync(this ApplicationDbContext db, ClaimsPrincipal user, int platformId, CancellationToken ct = default) =>
        user.IsInRole(PortalRoles.Support) || await db.AdministersAsync(user, platformId, ct);
}

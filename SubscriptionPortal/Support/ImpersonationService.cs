using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Data;
using SubscriptionPortal.Emails;

namespace SubscriptionPortal.Support;

/// <summary>
/// Starts, checks and ends impersonations (SPEC §7). The session lives in the admin's sign-in
/// cookie; the audit log records its start and its end, and an ended session is never resumed.
/// </summary>
internal sealed class ImpersonationService(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    UserManager<ApplicationUser> users,
    IUserClaimsPrincipalFactory<ApplicationUser> principals,
    EmailOutbox emails,
    TimeProvider clock)
{
    public const int MaxReasonLength = FieldLimits.ImpersonationReason;

    /// <summary>Where a session that ended leaves the agent: their own principal (null when their account is gone) and the platform they were on.</summary>
    public sealed record ReturnToAgent(ClaimsPrincipal? AgentPrincipal, int PlatformId);

    /// <summary>
    /// Checks that <paramref name="agent"/> may act as the admin <paramref name="adminUserId"/> of
    /// <paramref name="platformId"/>, records the start with its reason, and builds the principal
    /// the new cookie carries. Nothing is written unless it starts.
    /// </summary>
    public async Task<ImpersonationStart> StartAsync(ClaimsPrincipal agent, string? adminUserId, int platformId, string? reason, CancellationToken ct = default)
    {
        if (ImpersonationSession.From(agent) is { } current)
        {
            return new ImpersonationStart.AlreadyImpersonating(current);
        }

        // The role claim can be up to one security-stamp interval old: ask the database too.
        var agentUser = agent.IsInRole(PortalRoles.Support) ? await users.GetUserAsync(agent) : null;
        if (agentUser is null || !await users.IsInRoleAsync(agentUser, PortalRoles.Support))
        {
            return new ImpersonationStart.Forbidden();
        }

        reason = FieldText.Clean(reason);
        if (reason.Length == 0)
        {
            return new ImpersonationStart.Refused(ImpersonationRefusal.ReasonRequired);
        }

        if (reason.Length > MaxReasonLength)
        {
            return new ImpersonationStart.Refused(ImpersonationRefusal.ReasonTooLong);
        }

        if (FieldText.Invisible(reason).Count > 0)
        {
            return new ImpersonationStart.Refused(ImpersonationRefusal.ReasonHasInvisibleCharacters);
        }

        var admin = string.IsNullOrEmpty(adminUserId) ? null : await users.FindByIdAsync(adminUserId);
        if (admin is null)
        {
            return new ImpersonationStart.Refused(ImpersonationRefusal.NotAPlatformAdmin);
        }

        if (await users.IsInRoleAsync(admin, PortalRoles.Support))
        {
            return new ImpersonationStart.Refused(ImpersonationRefusal.TargetIsSupportAgent);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Memberships.AnyAsync(m => m.UserId == admin.Id && m.PlatformId == platformId, ct))
        {
            return new ImpersonationStart.Refused(ImpersonationRefusal.NotAPlatformAdmin);
        }

        var now = clock.GetUtcNow();
        var session = new ImpersonationSession(agentUser.Id, agentUser.Email ?? agentUser.Id, agentUser.DisplayName,
            admin.Id, admin.Email ?? admin.Id, admin.DisplayName, platformId, now, now + ImpersonationSession.MaxDuration);
        var principal = await principals.CreateAsync(admin);
        ((ClaimsIdentity)principal.Identity!).AddClaims(session.ToClaims());
        db.AuditEntries.Add(ActorOf(session).Entry(now.UtcDateTime, platformId, AuditActions.ImpersonationStarted, $"Reason: {reason}"));
        await emails.ImpersonationStartedAsync(db, platformId, agentUser.DisplayName, admin.DisplayName, reason, now.UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        return new ImpersonationStart.Started(principal, ImpersonationSession.From(principal)!);
    }

    /// <summary>Ends the caller's impersonation; null when they are not impersonating.</summary>
    public async Task<ReturnToAgent?> StopAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (ImpersonationSession.From(user) is not { } session)
        {
            return null;
        }

        await EndAsync(session, ImpersonationEnd.StoppedByAgent, ct);
        return new ReturnToAgent(await AgentPrincipalAsync(session), session.PlatformId);
    }

    /// <summary>
    /// Run on every request that carries an impersonation: null while it is still running;
    /// otherwise (time limit reached, or already stopped — an old cookie replayed, or a request
    /// that raced the stop) the agent's own session to continue with.
    /// </summary>
    public async Task<ReturnToAgent?> CheckAsync(ImpersonationSession session, CancellationToken ct = default)
    {
        if (session.HasExpired(clock.GetUtcNow()))
        {
            await EndAsync(session, ImpersonationEnd.TimeLimitReached, ct);
        }
        else
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (!await HasEndedAsync(db, session, ct))
            {
                return null;
            }
        }

        return new ReturnToAgent(await AgentPrincipalAsync(session), session.PlatformId);
    }

    /// <summary>Records the end of a session once, however many requests reach it together.</summary>
    public async Task EndAsync(ImpersonationSession session, ImpersonationEnd how, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // On SQLite this takes the write lock first, so two racing requests cannot both see "not ended".
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await HasEndedAsync(db, session, ct))
        {
            return;
        }

        var now = clock.GetUtcNow();
        db.AuditEntries.Add(ActorOf(session).Entry(now.UtcDateTime, session.PlatformId, AuditActions.ImpersonationStopped, Describe(how, session, now)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static Task<bool> HasEndedAsync(ApplicationDbContext db, ImpersonationSession session, CancellationToken ct)
    {
        var startedUtc = session.StartedAt.UtcDateTime;
        return db.AuditEntries.AnyAsync(a => a.PlatformId == session.PlatformId
            && a.Action == AuditActions.ImpersonationStopped
            && a.ActorUserId == session.AgentUserId
            && a.OnBehalfOfUserId == session.AdminUserId
            && a.AtUtc >= startedUtc, ct);
    }

    private async Task<ClaimsPrincipal?> AgentPrincipalAsync(ImpersonationSession session) =>
        await users.FindByIdAsync(session.AgentUserId) is { } agent ? await principals.CreateAsync(agent) : null;

    private static Actor ActorOf(ImpersonationSession session) =>
        new(session.AgentUserId, session.AgentEmail, session.AdminUserId, session.AdminEmail);

    private static string Describe(ImpersonationEnd how, ImpersonationSession session, DateTimeOffset now)
    {
        var minutes = (int)Math.Round((now - session.StartedAt).TotalMinutes, MidpointRounding.AwayFromZero);
        var after = minutes < 1 ? "after less than a minute" : $"after {minutes} min";
        return how switch
        {
            ImpersonationEnd.TimeLimitReached => $"Ended automatically: the {ImpersonationSession.MaxDuration.TotalMinutes:0}-minute limit was reached.",
            ImpersonationEnd.SignedOut => $"Ended when the agent signed out, {after}.",
            _ => $"Stopped by the agent {after}.",
        };
    }
}

using System.Globalization;
using System.Security.Claims;

namespace SubscriptionPortal.Support;

/// <summary>
/// A support agent acting as a platform admin, as carried by the admin's sign-in cookie: the
/// principal is the admin's, and these claims say who really holds the session and until when.
/// </summary>
public sealed record ImpersonationSession(
    string AgentUserId,
    string AgentEmail,
    string AgentName,
    string AdminUserId,
    string AdminEmail,
    string AdminName,
    int PlatformId,
    DateTimeOffset StartedAt,
    DateTimeOffset ExpiresAt)
{
    /// <summary>How long an impersonation lasts at most (SPEC §7).</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(30);

    public const string AgentIdClaim = Actor.ImpersonatorIdClaim;
    public const string AgentEmailClaim = Actor.ImpersonatorEmailClaim;
    public const string AgentNameClaim = "sp:impersonator_name";
    public const string AdminNameClaim = "sp:impersonated_name";
    public const string PlatformIdClaim = "sp:impersonation_platform_id";
    public const string StartedAtClaim = "sp:impersonation_started_at";
    public const string ExpiresAtClaim = "sp:impersonation_expires_at";

    /// <summary>Every claim an impersonated session adds to the admin's own.</summary>
    public static readonly IReadOnlyList<string> AllClaimTypes =
        [AgentIdClaim, AgentEmailClaim, AgentNameClaim, AdminNameClaim, PlatformIdClaim, StartedAtClaim, ExpiresAtClaim];

    /// <summary>The session a principal carries, or null when it is nobody's impersonation.</summary>
    /// <remarks>
    /// Only this app writes these claims, into a cookie it alone can decrypt. Should one be
    /// unreadable anyway, the session counts as already expired, so it ends at once rather than
    /// running without a limit.
    /// </remarks>
    public static ImpersonationSession? From(ClaimsPrincipal? user)
    {
        var agentId = user?.FindFirstValue(AgentIdClaim);
        if (user is null || agentId is null)
        {
            return null;
        }

        var adminId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var adminEmail = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? adminId;
        var agentEmail = user.FindFirstValue(AgentEmailClaim) ?? agentId;
        return new ImpersonationSession(
            agentId,
            agentEmail,
            NonEmpty(user.FindFirstValue(AgentNameClaim), agentEmail),
            adminId,
            adminEmail,
            NonEmpty(user.FindFirstValue(AdminNameClaim), adminEmail),
            int.TryParse(user.FindFirstValue(PlatformIdClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var platformId) ? platformId : 0,
            ParseInstant(user.FindFirstValue(StartedAtClaim)),
            ParseInstant(user.FindFirstValue(ExpiresAtClaim)));
    }

    public bool HasExpired(DateTimeOffset now) => now >= ExpiresAt;

    public TimeSpan Remaining(DateTimeOffset now) => HasExpired(now) ? TimeSpan.Zero : ExpiresAt - now;

    /// <summary>Whole minutes left, rounded up: "1 min left" until the very end, then 0.</summary>
    public int MinutesLeft(DateTimeOffset now) => (int)Math.Ceiling(Remaining(now).TotalMinutes);

    /// <summary>The claims to add to the admin's principal, besides their own.</summary>
    public IEnumerable<Claim> ToClaims() =>
    [
        new(AgentIdClaim, AgentUserId),
        new(AgentEmailClaim, AgentEmail),
        new(AgentNameClaim, AgentName),
        new(AdminNameClaim, AdminName),
        new(PlatformIdClaim, PlatformId.ToString(CultureInfo.InvariantCulture)),
        new(StartedAtClaim, StartedAt.ToString("O", CultureInfo.InvariantCulture)),
        new(ExpiresAtClaim, ExpiresAt.ToString("O", CultureInfo.InvariantCulture)),
    ];

    private static string NonEmpty(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;

    private static DateTimeOffset ParseInstant(string? value) =>
        DateTimeOffset.TryParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) ? instant : DateTimeOffset.MinValue;
}

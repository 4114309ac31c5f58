using System.Security.Claims;

namespace SubscriptionPortal.Support;

/// <summary>
/// Who is acting, for the audit log. While a support agent impersonates an admin the principal is
/// the admin's, and the agent's identity travels in extra claims: the agent is the actor.
/// </summary>
public sealed record Actor(string UserId, string Email, string? OnBehalfOfUserId, string? OnBehalfOfEmail)
{
    public const string ImpersonatorIdClaim = "sp:impersonator_id";
    public const string ImpersonatorEmailClaim = "sp:impersonator_email";

    public bool IsImpersonating => OnBehalfOfUserId is not null;

    public static Actor From(ClaimsPrincipal user)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The user is not signed in.");
        var email = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? userId;
        var agentId = user.FindFirstValue(ImpersonatorIdClaim);
        return agentId is null
            ? new Actor(userId, email, null, null)
            : new Actor(agentId, user.FindFirstValue(ImpersonatorEmailClaim) ?? agentId, userId, email);
    }

    /// <summary>The user id recorded for the portal's own background jobs.</summary>
    public const string JobUserId = "system";

    /// <summary>A background job (renewal, closure, debit submission), named in the audit log by <paramref name="name"/>.</summary>
    public static Actor Job(string name) => new(JobUserId, name, null, null);

    /// <summary>An action the system takes for a user, such as seeding their demo subscription.</summary>
    public static Actor System(string userId, string email) => new(userId, email, null, null);

    public AuditEntry Entry(DateTime atUtc, int? platformId, string action, string details) =>
        new(atUtc, platformId, UserId, Email, action, details, OnBehalfOfUserId, OnBehalfOfEmail);
}

using System.Security.Claims;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Support;

internal static class SupportAccess
{
    /// <summary>
    /// A support agent acting as themselves: the console and the support tools are theirs. While
    /// impersonating, the same person is the admin they act for, and sees only what that admin sees.
    /// </summary>
    public static bool IsSupportAgent(this ClaimsPrincipal user) =>
        user.IsInRole(PortalRoles.Support) && !user.HasClaim(c => c.Type == Actor.ImpersonatorIdClaim);
}

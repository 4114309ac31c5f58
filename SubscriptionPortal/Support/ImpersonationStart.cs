using System.Security.Claims;

namespace SubscriptionPortal.Support;

/// <summary>The outcome of asking to impersonate an admin. Expected failures are values, not exceptions.</summary>
public abstract record ImpersonationStart
{
    private ImpersonationStart()
    {
    }

    /// <summary>The admin's principal with the agent's claims, to be signed in with a new cookie.</summary>
    public sealed record Started(ClaimsPrincipal Principal, ImpersonationSession Session) : ImpersonationStart;

    /// <summary>The request was understood but not allowed for this target or reason.</summary>
    public sealed record Refused(ImpersonationRefusal Reason) : ImpersonationStart;

    /// <summary>The caller is not a support agent.</summary>
    public sealed record Forbidden : ImpersonationStart;

    /// <summary>The caller is already acting as someone: impersonations do not nest.</summary>
    public sealed record AlreadyImpersonating(ImpersonationSession Current) : ImpersonationStart;
}

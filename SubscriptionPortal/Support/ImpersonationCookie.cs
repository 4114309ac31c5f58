using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace SubscriptionPortal.Support;

/// <summary>How Identity's sign-in cookie carries an impersonation: checked on every request, kept through stamp refreshes.</summary>
internal static class ImpersonationCookie
{
    /// <summary>
    /// Wraps the cookie's events. Before Identity's own security-stamp check, a request carrying an
    /// impersonation that is over (30 minutes passed, or stopped elsewhere) is turned into the
    /// agent's own session and its cookie re-issued; signing out records the end.
    /// </summary>
    public static void Configure(CookieAuthenticationOptions options)
    {
        var validatePrincipal = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            if (ImpersonationSession.From(context.Principal) is { } session)
            {
                var impersonation = context.HttpContext.RequestServices.GetRequiredService<ImpersonationService>();
                if (await impersonation.CheckAsync(session, context.HttpContext.RequestAborted) is { } back)
                {
                    if (back.AgentPrincipal is null)
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(context.Scheme.Name);
                    }
                    else
                    {
                        context.ReplacePrincipal(back.AgentPrincipal);
                        context.ShouldRenew = true;
                    }

                    return;
                }
            }

            await validatePrincipal(context);
        };

        var signingOut = options.Events.OnSigningOut;
        options.Events.OnSigningOut = async context =>
        {
            if (ImpersonationSession.From(context.HttpContext.User) is { } session)
            {
                var impersonation = context.HttpContext.RequestServices.GetRequiredService<ImpersonationService>();
                await impersonation.EndAsync(session, ImpersonationEnd.SignedOut, context.HttpContext.RequestAborted);
            }

            await signingOut(context);
        };
    }

    /// <summary>
    /// Identity rebuilds the principal from the database when it re-checks the security stamp
    /// (every 30 minutes by default); without this the agent's claims would vanish and the agent
    /// would silently become the admin.
    /// </summary>
    public static Task CarryOverAsync(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal is { } current)
        {
            identity.AddClaims(current.Claims
                .Where(c => ImpersonationSession.AllClaimTypes.Contains(c.Type))
                .Select(c => new Claim(c.Type, c.Value)));
        }

        return Task.CompletedTask;
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SubscriptionPortal.Data;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Components.Account;

/// <summary>
/// Re-checks the user of a live interactive circuit, which outlives the cookie checks of HTTP requests:
/// an impersonation every minute (a circuit must not keep acting as the admin once the agent stopped in
/// another tab or the 30 minutes are over), everyone's security stamp every 30 minutes.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopeFactory,
        IOptions<IdentityOptions> options,
        TimeProvider clock)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    private static readonly TimeSpan SecurityStampInterval = TimeSpan.FromMinutes(30);

    private DateTimeOffset? lastStampCheck;

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsStillValidAsync(authenticationState.User, cancellationToken);

    /// <summary>False when the circuit's user must be signed out of it: an impersonation that is over, or a changed security stamp.</summary>
    internal async Task<bool> IsStillValidAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        // A new scope, so that the checks read fresh data.
        await using var scope = scopeFactory.CreateAsyncScope();
        if (ImpersonationSession.From(principal) is { } session)
        {
            var impersonation = scope.ServiceProvider.GetRequiredService<ImpersonationService>();
            if (await impersonation.CheckAsync(session, cancellationToken) is not null)
            {
                return false;
            }
        }

        var now = clock.GetUtcNow();
        if (lastStampCheck is { } last && now - last < SecurityStampInterval)
        {
            return true;
        }

        lastStampCheck = now;
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await ValidateSecurityStampAsync(userManager, principal);
    }

    private async Task<bool> ValidateSecurityStampAsync(UserManager<ApplicationUser> userManager, ClaimsPrincipal principal)
    {
        var user = await userManager.GetUserAsync(principal);
        if (user is null)
        {
            return false;
        }

        if (!userManager.SupportsUserSecurityStamp)
        {
            return true;
        }

        var principalStamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        var userStamp = await userManager.GetSecurityStampAsync(user);
        return principalStamp == userStamp;
    }
}

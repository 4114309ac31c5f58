using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Components.Account;

/// <summary>
/// Identity's security-stamp check, run in a service scope of its own. Identity resolves its validator,
/// and with it a sign-in manager, a user manager and a pooled <see cref="ApplicationDbContext"/>, from the
/// request's services on every authenticated request, even when no check is due. The request that opens a
/// Blazor circuit is its WebSocket connection, which lasts as long as the tab: the context would stay rented
/// for that long, one per connected user. Here it goes back to the pool as soon as the check is over.
/// </summary>
internal sealed class OwnScopeSecurityStampValidator(IServiceScopeFactory scopes) : ISecurityStampValidator
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SecurityStampValidator<ApplicationUser>>().ValidateAsync(context);
    }
}

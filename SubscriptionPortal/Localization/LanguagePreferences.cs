using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Data;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Localization;

/// <summary>
/// The user's language: a choice stored on their account, carried by the standard culture cookie.
/// The cookie belongs to the browser, so an agent impersonating an admin keeps the agent's own language.
/// </summary>
internal sealed class LanguagePreferences(IDbContextFactory<ApplicationDbContext> dbFactory)
{
    private static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(365);

    /// <summary>Stores the choice on the account of whoever is really at the keyboard (the agent while impersonating).</summary>
    public async Task StoreAsync(ClaimsPrincipal user, string culture, CancellationToken ct)
    {
        var userId = ImpersonationSession.From(user)?.AgentUserId ?? user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user.Identity?.IsAuthenticated != true || userId is null)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, culture), ct);
    }

    public async Task<string?> StoredAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.Users.Where(u => u.Id == userId).Select(u => u.PreferredCulture).SingleOrDefaultAsync(ct);
        return PortalCultures.Find(stored);
    }

    public static void WriteCookie(HttpContext context, string culture) =>
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Path = "/",
                MaxAge = CookieLifetime,
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
            });

    /// <summary>
    /// On every sign-in the stored choice, if any, becomes the browser's language; without one the
    /// browser keeps what it had (a choice made before signing in, or its Accept-Language). Starting or
    /// stopping an impersonation signs in too: the admin's choice must not reach the agent's browser.
    /// </summary>
    public static void ApplyOnSignIn(CookieAuthenticationOptions options)
    {
        var signedIn = options.Events.OnSignedIn;
        options.Events.OnSignedIn = async context =>
        {
            await signedIn(context);
            if (context.Principal is not { } principal || ImpersonationSession.From(principal) is not null
                || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
            {
                return;
            }

            var preferences = context.HttpContext.RequestServices.GetRequiredService<LanguagePreferences>();
            if (await preferences.StoredAsync(userId, context.HttpContext.RequestAborted) is { } culture)
            {
                WriteCookie(context.HttpContext, culture);
            }
        };
    }
}

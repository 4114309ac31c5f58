using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Components.Account;

internal sealed class IdentityRedirectManager(NavigationManager navigationManager, IStringLocalizer<IdentityRedirectManager> localizer)
{
    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    public void RedirectTo(string? uri) => navigationManager.NavigateTo(LocalTarget(uri, navigationManager.BaseUri));

    /// <summary>
    /// Where a redirect may go: a path of this app, or an absolute address under its own base. Anything
    /// else (another host, <c>//host</c>, <c>/\host</c>, <c>javascript:</c>, control characters) goes home:
    /// a return address is only a convenience, and a hostile one must neither leave the site nor fail
    /// a sign-in that already succeeded.
    /// </summary>
    internal static string LocalTarget(string? uri, string baseUri)
    {
        if (string.IsNullOrEmpty(uri))
        {
            return "";
        }

        if (uri.StartsWith(baseUri, StringComparison.OrdinalIgnoreCase))
        {
            // What is left is read as a path of this app, with the same checks.
            uri = uri[baseUri.Length..];
        }

        return IsLocalPath(uri) ? uri : "";
    }

    private static bool IsLocalPath(string uri)
    {
        if (uri.Length == 0)
        {
            return true;
        }

        if (uri.Any(c => char.IsControl(c) || c == '\\')
            || uri.StartsWith("//", StringComparison.Ordinal)
            || HasScheme(uri))
        {
            return false;
        }

        return Uri.IsWellFormedUriString(uri, UriKind.Relative);
    }

    // "javascript:…", "https:…": a colon before any slash, question mark or hash starts a scheme.
    private static bool HasScheme(string uri)
    {
        var colon = uri.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 && uri.IndexOfAny(['/', '?', '#']) is var end && (end < 0 || colon < end);
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        var newUri = navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters);
        RedirectTo(newUri);
    }

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(PortalRoles.StatusMessageCookie, message, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }

    private string CurrentPath => navigationManager.ToAbsoluteUri(navigationManager.Uri).GetLeftPart(UriPartial.Path);

    public void RedirectToCurrentPage() => RedirectTo(CurrentPath);

    public void RedirectToCurrentPageWithStatus(string message, HttpContext context)
        => RedirectToWithStatus(CurrentPath, message, context);

    public void RedirectToInvalidUser(UserManager<ApplicationUser> userManager, HttpContext context)
        => RedirectToWithStatus("Account/InvalidUser", localizer["UserNotLoaded", userManager.GetUserId(context.User) ?? ""], context);
}

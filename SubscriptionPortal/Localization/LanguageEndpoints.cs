using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace SubscriptionPortal.Localization;

internal static class LanguageEndpoints
{
    public const string Path = "/language";

    /// <summary>
    /// The user menu's Français / English: a form post that writes the culture cookie, stores the
    /// choice on the account when signed in, and reloads the page the user was on in that language.
    /// </summary>
    public static IEndpointRouteBuilder MapLanguageEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, ChooseAsync);
        return endpoints;
    }

    internal static async Task<IResult> ChooseAsync(HttpContext context, [FromForm] string? culture, [FromForm] string? returnUrl,
        LanguagePreferences preferences, CancellationToken ct)
    {
        if (PortalCultures.Find(culture) is not { } chosen)
        {
            return Results.Text(context.RequestServices.GetRequiredService<IStringLocalizerFactory>().Create(typeof(LanguageEndpoints))["NotSpoken"], statusCode: StatusCodes.Status400BadRequest);
        }

        LanguagePreferences.WriteCookie(context, chosen);
        await preferences.StoreAsync(context.User, chosen, ct);
        return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "~/");
    }

    /// <summary>A path of this site only: never another host (<c>//evil</c>, <c>/\evil</c>, <c>https://…</c>).</summary>
    internal static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}

using Microsoft.AspNetCore.Antiforgery;

namespace SubscriptionPortal;

/// <summary>
/// The headers every response carries, pages, downloads (PDF, ZIP, bank files), static files and errors
/// alike: set when the response starts, so whatever produced it (an endpoint, a static file, the error or
/// status-code pages) cannot leave them out.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// Scripts only from the app's own files (Blazor's and MudBlazor's), no inline script, no plugin, no
    /// framing, forms and the circuit's connection to the app itself ('self' covers ws: and wss: to the same
    /// host). Styles allow inline: MudBlazor writes its theme into a style element and positions popovers
    /// with style attributes. Images allow data: URIs, which MudBlazor's icons and the logo preview use.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services)
    {
        // Secure when the request is HTTPS (directly, or through a proxy whose forwarded headers are trusted);
        // not on plain HTTP, where a Secure cookie would never come back and every form would fail.
        services.Configure<AntiforgeryOptions>(options =>
        {
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // The X-Frame-Options header is sent on every response below, not only on pages with a form.
            options.SuppressXFrameOptionsHeader = true;
        });
        return services;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
}

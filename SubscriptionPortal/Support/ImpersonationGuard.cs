using Microsoft.Extensions.Localization;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Support;

/// <summary>
/// Keeps an impersonating agent out of the admin's own account: password, email, two-factor,
/// passkeys, phone number and personal data (SPEC §7). The Identity pages are the template's, and
/// some of them write on a mere visit (the authenticator page creates a key), so the whole area is
/// closed here rather than page by page; only the profile page stays readable, to say why.
/// </summary>
internal sealed class ImpersonationGuard(RequestDelegate next)
{
    public const string ManagePath = "/Account/Manage";

    private static readonly CookieBuilder StatusCookie = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    public async Task InvokeAsync(HttpContext context)
    {
        if (IsAccountArea(context.Request) && ImpersonationSession.From(context.User) is not null)
        {
            var messages = context.RequestServices.GetRequiredService<IStringLocalizer<ImpersonationGuard>>();
            if (context.Request.Path.StartsWithSegments("/Account/PasskeyCreationOptions"))
            {
                // Called by script, not by a form: a plain refusal is what it can show.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync(messages["AccountSettingsBlocked"], context.RequestAborted);
                return;
            }

            // The template's status message shows on the profile page the agent is sent back to.
            context.Response.Cookies.Append(PortalRoles.StatusMessageCookie, messages["AccountSettingsBlockedStatus"], StatusCookie.Build(context));
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.Response.Headers.Location = $"{context.Request.PathBase}{ManagePath}";
            return;
        }

        await next(context);
    }

    private static bool IsAccountArea(HttpRequest request)
    {
        if (request.Path.StartsWithSegments("/Account/PasskeyCreationOptions"))
        {
            return true;
        }

        if (!request.Path.StartsWithSegments(ManagePath, out var rest))
        {
            return false;
        }

        // The profile page itself may be read; everything else, and any form post, is refused.
        var isProfilePage = !rest.HasValue || rest.Value == "/";
        return !isProfilePage || !HttpMethods.IsGet(request.Method);
    }
}

using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace SubscriptionPortal.Support;

internal static class SupportEndpoints
{
    public const string StartPath = "/support/impersonation/start";
    public const string StopPath = "/support/impersonation/stop";

    /// <summary>
    /// Impersonation start and stop (SPEC §7): form posts with an antiforgery token that re-issue
    /// the sign-in cookie and redirect, so the browser reloads into a new circuit as the new user.
    /// </summary>
    public static IEndpointRouteBuilder MapSupportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var impersonation = endpoints.MapGroup("/support/impersonation").RequireAuthorization();
        impersonation.MapPost("/start", StartAsync);
        impersonation.MapPost("/stop", StopAsync);
        return endpoints;
    }

    /// <summary>Keeps an impersonating agent out of the admin's account settings; runs after authentication.</summary>
    public static IApplicationBuilder UseImpersonationGuard(this IApplicationBuilder app) => app.UseMiddleware<ImpersonationGuard>();

    /// <summary>Where the console shows a platform; the agent lands back there when a session ends.</summary>
    public static string PlatformPage(int platformId) => $"/support/platforms/{platformId.ToString(CultureInfo.InvariantCulture)}";

    /// <remarks>
    /// The form is read only after its antiforgery token checks out. A non-agent gets a plain 403
    /// (not the cookie's redirect to a sign-in page): nothing here is theirs to retry.
    /// </remarks>
    internal static async Task<IResult> StartAsync(HttpContext context, ClaimsPrincipal user, IAntiforgery antiforgery,
        ImpersonationService impersonation, CancellationToken ct)
    {
        IFormCollection form;
        try
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return ExpiredForm(context);
            }

            form = await context.Request.ReadFormAsync(ct);
        }
        catch (AntiforgeryValidationException ex) when (ex.InnerException is InvalidDataException)
        {
            // The form reader refuses a null character in any field before the reason can be checked.
            return Results.Text(
                Messages(context)["NullCharacterInReason"],
                statusCode: StatusCodes.Status400BadRequest);
        }
        var platformId = int.TryParse(form["platformId"], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;
        switch (await impersonation.StartAsync(user, form["adminId"], platformId, form["reason"], ct))
        {
            case ImpersonationStart.Started started:
                await context.SignInAsync(IdentityConstants.ApplicationScheme, started.Principal, new AuthenticationProperties { IsPersistent = false });
                return Results.LocalRedirect("~/");
            case ImpersonationStart.Refused refused:
                var back = platformId > 0 ? PlatformPage(platformId) : "/support";
                return Results.LocalRedirect($"~{back}?refused={refused.Reason}");
            case ImpersonationStart.AlreadyImpersonating current:
                return Results.Text(
                    Messages(context)["AlreadyActing", current.Current.AdminName],
                    statusCode: StatusCodes.Status409Conflict);
            default:
                return Results.Text(Messages(context)["OnlySupportStaff"], statusCode: StatusCodes.Status403Forbidden);
        }
    }

    /// <summary>Ends the impersonation and signs the agent back in as themselves, on the platform's console page.</summary>
    internal static async Task<IResult> StopAsync(HttpContext context, ClaimsPrincipal user, IAntiforgery antiforgery,
        ImpersonationService impersonation, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return ExpiredForm(context);
        }

        if (await impersonation.StopAsync(user, ct) is not { } back)
        {
            // Already over (a second click, or the time limit): the agent is themselves already.
            return Results.LocalRedirect("~/");
        }

        if (back.AgentPrincipal is null)
        {
            await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            return Results.LocalRedirect("~/Account/Login");
        }

        await context.SignInAsync(IdentityConstants.ApplicationScheme, back.AgentPrincipal, new AuthenticationProperties { IsPersistent = false });
        return Results.LocalRedirect($"~{PlatformPage(back.PlatformId)}");
    }

    private static IResult ExpiredForm(HttpContext context) => Results.Text(
        Messages(context)["ExpiredForm"],
        statusCode: StatusCodes.Status400BadRequest);

    /// <summary>The plain answers of these endpoints, in the agent's language.</summary>
    private static IStringLocalizer Messages(HttpContext context) =>
        context.RequestServices.GetRequiredService<IStringLocalizerFactory>().Create(typeof(SupportEndpoints));
}

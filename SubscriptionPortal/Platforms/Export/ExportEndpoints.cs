using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Platforms.Export;

internal static class ExportEndpoints
{
    /// <summary>Where the download of a ticket is served.</summary>
    public static string DownloadPath(string ticket) => $"/exports/{Uri.EscapeDataString(ticket)}";

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/platforms/{platformId:int}/export", StartAsync).RequireAuthorization();
        endpoints.MapGet("/exports/{ticket}", DownloadAsync).RequireAuthorization();
        return endpoints;
    }

    /// <summary>
    /// Starts a platform's data export: a form post with an antiforgery token, answered by a redirect to a
    /// one-time download address. An admin gets only their own platforms' (another id is a 404, like one that
    /// does not exist); support staff get any. The form's <c>progress</c> field is the id of the page's
    /// progress entry, when the export was started from Settings › Data export.
    /// </summary>
    internal static async Task<IResult> StartAsync(int platformId, HttpContext context, ClaimsPrincipal user, IAntiforgery antiforgery,
        PlatformExport export, ExportTickets tickets, ILoggerFactory loggers, IStringLocalizerFactory localizers, CancellationToken ct)
    {
        var messages = localizers.Create(typeof(ExportEndpoints));
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.Text(messages["FormExpired"],
                statusCode: StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(ct);
        Guid? progress = null;
        if (!string.IsNullOrEmpty(form["progress"]))
        {
            if (!Guid.TryParseExact(form["progress"], "D", out var id))
            {
                // The caller's mistake, not the server's: logged as a bad request.
                loggers.CreateLogger("SubscriptionPortal.Platforms.Export")
                    .MalformedExportProgressId();
                return Results.Text(messages["BadProgressId"], statusCode: StatusCodes.Status400BadRequest);
            }

            progress = id;
        }

        if (await export.AuthorizeAsync(user, platformId, ct) is null)
        {
            return Results.NotFound();
        }

        var ticket = tickets.Issue(user.UserId(), platformId, progress);
        return Results.LocalRedirect($"~{DownloadPath(ticket)}");
    }

    /// <summary>Streams the export a ticket allows, once. A used, expired, forged or someone else's ticket is a 404.</summary>
    internal static async Task<IResult> DownloadAsync(string ticket, ClaimsPrincipal user, PlatformExport export, ExportTickets tickets,
        IStringLocalizerFactory localizers, CancellationToken ct)
    {
        if (tickets.Redeem(ticket, user.UserId()) is not { } allowed)
        {
            return Results.Text(localizers.Create(typeof(ExportEndpoints))["LinkUsed"],
                statusCode: StatusCodes.Status404NotFound);
        }

        // Checked again: access may have been withdrawn since the ticket was issued.
        var summary = await export.AuthorizeAsync(user, allowed.PlatformId, ct);
        if (summary is null)
        {
            return Results.NotFound();
        }

        var reporter = export.ReporterFor(user, allowed.ProgressId);
        var actor = Actor.From(user);
        return Results.Stream(body => export.WriteAsync(summary, actor, body, reporter, ct), PlatformExport.ContentType, summary.FileName);
    }
}

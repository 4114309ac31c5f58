using System.Security.Claims;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Platforms.Export;

internal static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/platforms/{platformId:int}/export", DownloadAsync).RequireAuthorization();
        return endpoints;
    }

    /// <summary>
    /// Streams a platform's data export. An admin gets only their own platforms' (another id is a 404, like
    /// one that does not exist); support staff get any. <paramref name="progress"/> is the id of the page's
    /// progress entry, when the download was started from Settings › Data export.
    /// </summary>
    internal static async Task<IResult> DownloadAsync(int platformId, Guid? progress, ClaimsPrincipal user, PlatformExport export, CancellationToken ct)
    {
        var summary = await export.AuthorizeAsync(user, platformId, ct);
        if (summary is null)
        {
            return Results.NotFound();
        }

        var reporter = export.ReporterFor(user, progress);
        var actor = Actor.From(user);
        return Results.Stream(body => export.WriteAsync(summary, actor, body, reporter, ct), PlatformExport.ContentType, summary.FileName);
    }
}

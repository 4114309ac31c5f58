using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Data;
using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Billing;

internal static class BillingEndpoints
{
    /// <summary>Downloads of issued documents, authorised on the server (SPEC §8).</summary>
    public static IEndpointRouteBuilder MapBillingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/documents/{id:int}/pdf", DownloadAsync).RequireAuthorization();
        return endpoints;
    }

    /// <summary>
    /// Serves exactly the bytes stored at issue. An admin gets only their own platforms' documents
    /// (another platform's id is a 404, like an id that doesn't exist); support staff get any.
    /// </summary>
    internal static async Task<IResult> DownloadAsync(int id, ClaimsPrincipal user, IDbContextFactory<ApplicationDbContext> dbFactory,
        ILoggerFactory loggers, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var document = await db.Documents.AsNoTracking()
            .Where(d => d.Id == id)
            .Select(d => new { d.PlatformId, d.Number, d.Pdf, d.PdfSha256 })
            .SingleOrDefaultAsync(ct);
        if (document is null)
        {
            return Results.NotFound();
        }

        if (!await db.MayReadAsync(user, document.PlatformId, ct))
        {
            return Results.NotFound();
        }

        if (!StoredBytes.AreIntact(document.Pdf, document.PdfSha256))
        {
            loggers.CreateLogger("SubscriptionPortal.Billing.Documents")
                .DocumentFailedIntegrityCheck(document.Number);
            return Results.Problem(
                title: "This document failed its integrity check and cannot be downloaded. The problem has been logged for the support team.",
                statusCode: StatusCodes.Status500InternalServerError);
        }

        return Results.File(document.Pdf, "application/pdf", $"{document.Number}.pdf");
    }
}

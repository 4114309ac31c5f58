using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SubscriptionPortal.Billing.EInvoicing;
using SubscriptionPortal.Data;
using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Billing;

internal static class BillingEndpoints
{
    /// <summary>Downloads of issued documents, authorised on the server (SPEC §8).</summary>
    public static IEndpointRouteBuilder MapBillingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/documents/{id:int}/pdf", DownloadAsync).RequireAuthorization();
        endpoints.MapGet("/documents/{id:int}/xml", DownloadXmlAsync).RequireAuthorization();
        return endpoints;
    }

    /// <summary>
    /// Serves exactly the bytes stored at issue. An admin gets only their own platforms' documents
    /// (another platform's id is a 404, like an id that doesn't exist); support staff get any.
    /// </summary>
    internal static async Task<IResult> DownloadAsync(int id, ClaimsPrincipal user, IDbContextFactory<ApplicationDbContext> dbFactory,
        ILoggerFactory loggers, IStringLocalizerFactory localizers, CancellationToken ct)
    {
        var (document, refusal) = await LoadAsync(id, user, dbFactory, loggers, Messages(localizers), ct);
        return refusal ?? Results.File(document!.Pdf, "application/pdf", $"{document.Number}.pdf");
    }

    /// <summary>
    /// The e-invoice alone: the <c>factur-x.xml</c> inside the stored PDF, under the same access rule
    /// and integrity check as the PDF. A document issued before Factur-X has none: a 404 that says so.
    /// </summary>
    internal static async Task<IResult> DownloadXmlAsync(int id, ClaimsPrincipal user, IDbContextFactory<ApplicationDbContext> dbFactory,
        ILoggerFactory loggers, IStringLocalizerFactory localizers, CancellationToken ct)
    {
        var messages = Messages(localizers);
        var (document, refusal) = await LoadAsync(id, user, dbFactory, loggers, messages, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        return FacturXExtractor.TryExtract(document!.Pdf) is { } xml
            ? Results.File(xml, "application/xml", $"{document.Number}.xml")
            : Results.Problem(
                title: messages["NoXml", document.Number],
                statusCode: StatusCodes.Status404NotFound);
    }

    private static async Task<(StoredDocument? Document, IResult? Refusal)> LoadAsync(int id, ClaimsPrincipal user,
        IDbContextFactory<ApplicationDbContext> dbFactory, ILoggerFactory loggers, IStringLocalizer messages, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var document = await db.Documents.AsNoTracking()
            .Where(d => d.Id == id)
            .Select(d => new StoredDocument(d.PlatformId, d.Number, d.Pdf, d.PdfSha256))
            .SingleOrDefaultAsync(ct);
        if (document is null)
        {
            return (null, Results.NotFound());
        }

        if (!await db.MayReadAsync(user, document.PlatformId, ct))
        {
            return (null, Results.NotFound());
        }

        if (!StoredBytes.AreIntact(document.Pdf, document.PdfSha256))
        {
            loggers.CreateLogger("SubscriptionPortal.Billing.Documents")
                .DocumentFailedIntegrityCheck(document.Number);
            return (null, Results.Problem(
                title: messages["IntegrityFailed"],
                statusCode: StatusCodes.Status500InternalServerError));
        }

        return (document, null);
    }

    // The request's culture (cookie, then the browser's languages) is the reader's.
    private static IStringLocalizer Messages(IStringLocalizerFactory localizers) => localizers.Create(typeof(BillingEndpoints));

    private sealed record StoredDocument(int PlatformId, string Number, byte[] Pdf, string PdfSha256);
}

using System.Security.Claims;
using Microsoft.Extensions.Localization;

namespace SubscriptionPortal.Payments;

internal static class PaymentEndpoints
{
    /// <summary>Downloads of the direct-debit files sent to the bank: support staff only.</summary>
    public static IEndpointRouteBuilder MapPaymentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/support/debit-files/{id:int}", DownloadAsync).RequireAuthorization();
        return endpoints;
    }

    /// <summary>
    /// Serves exactly the bytes stored when the file was produced. Anyone but a support agent gets a 404,
    /// as for a file that does not exist: these files hold every platform's bank details.
    /// </summary>
    internal static async Task<IResult> DownloadAsync(int id, ClaimsPrincipal user, DirectDebitDesk desk, ILoggerFactory loggers,
        IStringLocalizerFactory localizers, CancellationToken ct)
    {
        var file = await desk.GetFileAsync(user, id, ct);
        if (file is null)
        {
            return Results.NotFound();
        }

        if (!StoredBytes.AreIntact(file.Content, file.Sha256))
        {
            loggers.CreateLogger("SubscriptionPortal.Payments.Files")
                .DebitFileFailedIntegrityCheck(file.MessageId);
            return Results.Problem(title: localizers.Create(typeof(PaymentEndpoints))["IntegrityFailed"],
                statusCode: StatusCodes.Status500InternalServerError);
        }

        return Results.File(file.Content, file.ContentType, file.FileName);
    }
}

using Microsoft.Extensions.Options;
using SubscriptionPortal.Payments.Sepa;

namespace SubscriptionPortal.Payments;

/// <summary>The built-in gateway: each batch becomes a pain.008.001.02 file, kept for the operator to send to the bank.</summary>
internal sealed class SepaFileGateway(IOptions<CreditorOptions> creditor) : IPaymentGateway
{
    public const string ContentType = "application/xml";

    public Task<GatewaySubmission> SubmitAsync(DebitBatchRequest request, CancellationToken ct = default)
    {
        var options = creditor.Value;
        var batch = new SepaDirectDebitBatch(
            request.MessageId,
            request.CreatedAt,
            options.Name,
            options.ToSepaCreditor(),
            request.Debits.Select(d => new SepaDirectDebit(
                d.EndToEndId,
                d.Amount,
                d.CollectionDate,
                d.MandateReference,
                d.MandateSignedOn,
                d.SequenceType,
                d.DebtorName,
                d.DebtorIban,
                DebtorBic: null,
                d.RemittanceInformation)).ToList());
        var bytes = Pain008Writer.Write(batch);
        return Task.FromResult(new GatewaySubmission($"{request.MessageId}.xml", ContentType, bytes));
    }
}

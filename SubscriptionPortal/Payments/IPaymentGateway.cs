using SubscriptionPortal.Payments.Sepa;

namespace SubscriptionPortal.Payments;

/// <summary>
/// Hands a batch of direct debits to the bank. The built-in implementation, <see cref="SepaFileGateway"/>,
/// writes a pain.008.001.02 file that the operator uploads to the bank; another gateway could call a
/// payment provider's API instead.
/// </summary>
internal interface IPaymentGateway
{
    /// <summary>
    /// Submits the batch. Called inside the transaction that marks the debits submitted: an implementation
    /// that talks to a remote service must use <see cref="DebitBatchRequest.MessageId"/> as its idempotency
    /// key, so that a retried call after a failed commit is not collected twice.
    /// </summary>
    /// <returns>The receipt kept with the batch: for a file gateway, the file itself.</returns>
    Task<GatewaySubmission> SubmitAsync(DebitBatchRequest request, CancellationToken ct = default);
}

/// <summary>One debit as the bank needs it.</summary>
/// <param name="EndToEndId">The invoice number: what the debtor's statement and any reject quote.</param>
/// <param name="Amount">Euros, positive, in whole cents.</param>
internal sealed record DebitInstruction(
    int DebitId,
    string EndToEndId,
    decimal Amount,
    DateOnly CollectionDate,
    SequenceType SequenceType,
    string MandateReference,
    DateOnly MandateSignedOn,
    string DebtorName,
    string DebtorIban,
    string RemittanceInformation);

/// <summary>A batch of debits with the id the bank will know it by.</summary>
internal sealed record DebitBatchRequest(string MessageId, DateTimeOffset CreatedAt, IReadOnlyList<DebitInstruction> Debits);

/// <summary>What the gateway returns for a batch: a file name, its media type and its bytes.</summary>
internal sealed record GatewaySubmission(string FileName, string ContentType, byte[] Content);

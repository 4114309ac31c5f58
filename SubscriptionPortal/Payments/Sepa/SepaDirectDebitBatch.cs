namespace SubscriptionPortal.Payments.Sepa;

/// <summary>Everything a pain.008.001.02 file says, already decided: the writer only lays it out.</summary>
/// <param name="MessageId">Unique id of the file (at most 35 SEPA characters); banks reject a repeated one.</param>
/// <param name="CreatedAt">When the file was produced, taken from the caller's clock; written in UTC.</param>
/// <param name="InitiatingPartyName">Who sends the file, usually the creditor's name.</param>
/// <param name="Creditor">The collecting party and its account.</param>
/// <param name="Debits">At least one debit; end-to-end ids must be distinct.</param>
internal sealed record SepaDirectDebitBatch(
    string MessageId,
    DateTimeOffset CreatedAt,
    string InitiatingPartyName,
    SepaCreditor Creditor,
    IReadOnlyList<SepaDirectDebit> Debits);

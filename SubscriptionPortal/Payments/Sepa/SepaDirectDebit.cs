namespace SubscriptionPortal.Payments.Sepa;

/// <summary>One debit of a pain.008 batch: one invoice's amount taken from one debtor's account.</summary>
/// <param name="EndToEndId">The invoice number (e.g. F-2026-000042); returned on the debtor's statement and in any reject.</param>
/// <param name="Amount">Euros, positive, with at most two decimals.</param>
/// <param name="CollectionDate">The requested collection date; debits sharing it and a sequence type go in one payment block.</param>
/// <param name="MandateId">The unique mandate reference.</param>
/// <param name="MandateSignedOn">The date the debtor signed the mandate.</param>
/// <param name="SequenceType">FRST or RCUR, see <see cref="SequenceTypeRule"/>.</param>
/// <param name="DebtorName">The account holder; transliterated and cut to 70 characters in the file.</param>
/// <param name="DebtorIban">The debited account, in any spacing or case.</param>
/// <param name="DebtorBic">The debtor bank's BIC, or null when unknown (written as NOTPROVIDED, as the EPC allows since 2016).</param>
/// <param name="RemittanceInformation">Text for the debtor's statement; transliterated, cut to 140 characters, omitted when empty.</param>
internal sealed record SepaDirectDebit(
    string EndToEndId,
    decimal Amount,
    DateOnly CollectionDate,
    string MandateId,
    DateOnly MandateSignedOn,
    SequenceType SequenceType,
    string DebtorName,
    string DebtorIban,
    string? DebtorBic,
    string RemittanceInformation);

namespace SubscriptionPortal.Billing.Pdf;

/// <summary>The SEPA direct debit that settles (part of) an invoice; the invoice doubles as its pre-notification.</summary>
/// <param name="MaskedIban">The debited IBAN, already masked by the payments feature (e.g. "FR76 **** **** **** **** ***0 189").</param>
/// <param name="MandateReference">The unique mandate reference (RUM).</param>
/// <param name="CollectionDate">The date the debit is collected.</param>
/// <param name="Amount">Amount debited, in euros, including VAT.</param>
public sealed record SepaDirectDebitDetails(
    string MaskedIban,
    string MandateReference,
    DateOnly CollectionDate,
    decimal Amount);

namespace SubscriptionPortal.Billing;

/// <summary>Everything a change's price depends on. No clock: the change's local date is given.</summary>
/// <param name="Current">The subscription as it is.</param>
/// <param name="Target">The offer, tier and commitment asked for.</param>
/// <param name="ChangeDate">D, the platform's local date of the change; it becomes the new anchor.</param>
/// <param name="ContactsInUse">Active contacts now; a smaller tier is refused.</param>
/// <param name="AccountBalance">Credit in the customer's favour, euros, ≥ 0; applied before debiting.</param>
/// <param name="VatRate">The catalog's VAT rate for the new invoice, as a fraction (0.20 = 20 %).</param>
/// <param name="CollectionDelayDays">Calendar days from D to the direct debit's collection.</param>
/// <param name="Language">The language the documents' line texts are written in (the platform's billing language).</param>
public sealed record QuoteInput(
    SubscriptionSnapshot Current,
    QuoteTarget Target,
    DateOnly ChangeDate,
    int ContactsInUse,
    decimal AccountBalance,
    decimal VatRate,
    int CollectionDelayDays = 3,
    string Language = BillingLanguage.English);

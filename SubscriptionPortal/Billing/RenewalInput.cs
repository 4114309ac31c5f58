using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;

namespace SubscriptionPortal.Billing;

/// <summary>What a renewal's price depends on: the same offer, tier and commitment for the next period.</summary>
/// <param name="Offer">The subscribed offer's pricing (paid).</param>
/// <param name="TierMaxContacts">The subscribed tier.</param>
/// <param name="Commitment">The subscribed commitment.</param>
/// <param name="Anchor">The date periods are counted from.</param>
/// <param name="CurrentPeriod">The period ending, [start, end), end exclusive.</param>
/// <param name="IssueDate">The local date the renewal runs on; not before <paramref name="CurrentPeriod"/>'s end.</param>
/// <param name="VatRate">The catalog's VAT rate, as a fraction (0.20 = 20 %).</param>
/// <param name="AccountBalance">Credit in the customer's favour, euros, ≥ 0.</param>
/// <param name="CollectionDelayDays">Calendar days from <paramref name="IssueDate"/> to the collection.</param>
public sealed record RenewalInput(
    OfferPricing Offer,
    int TierMaxContacts,
    Commitment Commitment,
    DateOnly Anchor,
    BillingPeriod CurrentPeriod,
    DateOnly IssueDate,
    decimal VatRate,
    decimal AccountBalance,
    int CollectionDelayDays = 3,
    string Language = BillingLanguage.English);

using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;

namespace SubscriptionPortal.Billing;

/// <summary>
/// A subscription as a quote sees it. On a free offer only <see cref="Offer"/> is set; a paid one
/// has every other member too.
/// </summary>
/// <param name="Offer">The current offer's pricing.</param>
/// <param name="TierMaxContacts">The current tier; null on a free offer.</param>
/// <param name="Commitment">The current commitment; null on a free offer.</param>
/// <param name="Anchor">The date periods are counted from; null on a free offer.</param>
/// <param name="Period">The current period [start, end), end exclusive; null on a free offer.</param>
/// <param name="OpeningInvoice">The invoice that opened <paramref name="Period"/>; null on a free offer.</param>
public sealed record SubscriptionSnapshot(
    OfferPricing Offer,
    int? TierMaxContacts,
    Commitment? Commitment,
    DateOnly? Anchor,
    BillingPeriod? Period,
    CreditableInvoice? OpeningInvoice)
{
    public static SubscriptionSnapshot Free(OfferPricing offer) => new(offer, null, null, null, null, null);

    public static SubscriptionSnapshot Paid(
        OfferPricing offer,
        int tierMaxContacts,
        Commitment commitment,
        DateOnly anchor,
        BillingPeriod period,
        CreditableInvoice openingInvoice) =>
        new(offer, tierMaxContacts, commitment, anchor, period, openingInvoice);
}

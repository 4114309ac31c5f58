using SubscriptionPortal.Catalog;
using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Subscriptions;

/// <summary>Everything a quote is computed from, loaded in one place so quoting and validating read the same facts.</summary>
internal sealed record SubscriptionState(
    Platform Platform,
    Subscription Subscription,
    IReadOnlyList<OfferPricing> Catalog,
    decimal VatRate,
    int CollectionDelayDays,
    int ContactsInUse,
    OpeningInvoice? OpeningInvoice,
    bool HasMandate)
{
    public OfferPricing CurrentOffer => Catalog.Single(o => o.Code == Subscription.OfferCode);
}

/// <summary>The invoice that opened the current period: what it charged HT and what credit notes already returned.</summary>
internal sealed record OpeningInvoice(int Id, string Number, DateOnly IssueDate, decimal ExcludingVat, decimal VatRate, decimal PriorCreditsExcludingVat);

using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;

namespace SubscriptionPortal.Billing;

/// <summary>What the admin picked. Tier and commitment are ignored for a free offer and required for a paid one.</summary>
/// <param name="Offer">The target offer's pricing.</param>
/// <param name="TierMaxContacts">The chosen tier, by its maximum number of contacts.</param>
/// <param name="Commitment">Monthly or annual: every change re-commits.</param>
public sealed record QuoteTarget(OfferPricing Offer, int? TierMaxContacts, Commitment? Commitment);

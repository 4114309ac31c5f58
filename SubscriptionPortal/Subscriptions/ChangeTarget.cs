using SubscriptionPortal.Common;

namespace SubscriptionPortal.Subscriptions;

/// <summary>What an admin wants to move to. Tier and commitment are null for a free offer.</summary>
public sealed record ChangeTarget(string OfferCode, int? TierMaxContacts, Commitment? Commitment);

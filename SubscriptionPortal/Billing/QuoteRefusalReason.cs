namespace SubscriptionPortal.Billing;

/// <summary>Why a change cannot be quoted (SPEC §3).</summary>
public enum QuoteRefusalReason
{
    /// <summary>A paid platform asked for a free offer.</summary>
    PaidToFree = 1,

    /// <summary>Same offer, tier and commitment (or the same free offer).</summary>
    NothingToChange = 2,

    /// <summary>The tier allows fewer contacts than the platform has.</summary>
    TierBelowContactsInUse = 3,

    /// <summary>No tier, or no tier of that size, for the target offer.</summary>
    UnknownTier = 4,

    /// <summary>A paid target without monthly or annual.</summary>
    MissingCommitment = 5,

    /// <summary>The change date is not in the current period (the period ended or the state is stale).</summary>
    ChangeDateOutsidePeriod = 6,
}

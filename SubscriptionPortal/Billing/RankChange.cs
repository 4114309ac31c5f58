namespace SubscriptionPortal.Billing;

/// <summary>How the target offer's rank compares with the current one's.</summary>
public enum RankChange
{
    /// <summary>Same rank: the same offer (another tier or commitment), or another free offer.</summary>
    SameRank = 0,

    Upgrade = 1,

    /// <summary>A lower rank: features may be lost.</summary>
    Downgrade = 2,
}

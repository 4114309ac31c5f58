namespace SubscriptionPortal.Common;

/// <summary>How long a paid subscription commits for; the period length and the price follow from it.</summary>
public enum Commitment
{
    Monthly = 1,
    Annual = 2,
}

namespace SubscriptionPortal.Payments;

/// <summary>What the bank answered about a submitted debit.</summary>
internal enum DebitAnswer
{
    Collected,
    Failed,
}

namespace SubscriptionPortal.Billing;

/// <summary>A refused change: why, and the English sentence the admin reads.</summary>
public sealed record QuoteRefusal(QuoteRefusalReason Reason, string Message);

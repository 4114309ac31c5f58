namespace SubscriptionPortal.Billing;

/// <summary>The <c>Billing</c> configuration section.</summary>
public sealed class BillingOptions
{
    /// <summary>How long a quote can be validated, in minutes.</summary>
    public int QuoteLifetimeMinutes { get; set; } = 30;

    /// <summary>How often the renewal job looks for due subscriptions, in minutes.</summary>
    public int RenewalIntervalMinutes { get; set; } = 15;
}

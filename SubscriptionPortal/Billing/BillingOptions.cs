namespace SubscriptionPortal.Billing;

/// <summary>The <c>Billing</c> configuration section.</summary>
public sealed class BillingOptions
{
    /// <summary>How long a quote can be validated, in minutes.</summary>
    public int QuoteLifetimeMinutes { get; set; } = 30;

    /// <summary>How often the renewal job looks for due subscriptions, in minutes.</summary>
    public int RenewalIntervalMinutes { get; set; } = 15;

    /// <summary>
    /// How many due subscriptions the renewal job renews in one transaction (at least 1). Larger batches share a
    /// commit and the machine's cores among more renewals, but hold the document counter's lock longer, which a
    /// plan change being validated meanwhile waits for.
    /// </summary>
    public int RenewalBatchSize { get; set; } = 50;
}

namespace SubscriptionPortal.Payments;

/// <summary>The <c>DirectDebits</c> configuration section.</summary>
public sealed class DirectDebitOptions
{
    /// <summary>How often the submission job gathers scheduled debits into a file, in minutes.</summary>
    public int SubmissionIntervalMinutes { get; set; } = 60;
}

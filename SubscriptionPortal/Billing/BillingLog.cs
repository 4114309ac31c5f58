namespace SubscriptionPortal.Billing;

/// <summary>The billing feature's log lines, compiled once by the logging source generator.</summary>
internal static partial class BillingLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "Document {Number} failed its integrity check: the stored bytes do not match their SHA-256. Not served.")]
    public static partial void DocumentFailedIntegrityCheck(this ILogger logger, string number);
}

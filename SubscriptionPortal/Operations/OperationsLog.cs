namespace SubscriptionPortal.Operations;

/// <summary>The operations feature's log lines, compiled once by the logging source generator.</summary>
internal static partial class OperationsLog
{
    [LoggerMessage(EventId = 901, Level = LogLevel.Warning, Message = "The outbox cannot be read; the oldest queued email's age is left out of this scrape.")]
    public static partial void OutboxAgeUnreadable(this ILogger logger, Exception exception);
}

namespace SubscriptionPortal;

/// <summary>The background jobs' log lines, compiled once by the logging source generator.</summary>
internal static partial class JobsLog
{
    [LoggerMessage(EventId = 701, Level = LogLevel.Error, Message = "{Job} failed; the next run tries again.")]
    public static partial void JobFailed(this ILogger logger, Exception exception, string job);
}

namespace SubscriptionPortal.Emails;

/// <summary>The emails feature's log lines, compiled once by the logging source generator.</summary>
internal static partial class EmailsLog
{
    [LoggerMessage(EventId = 801, Level = LogLevel.Information, Message = "Emails: {Sent} sent, {Retrying} to try again, {Failed} failed.")]
    public static partial void EmailsSent(this ILogger logger, int sent, int retrying, int failed);

    [LoggerMessage(EventId = 802, Level = LogLevel.Warning, Message = "The mail server cannot be reached; the claimed emails wait for their next attempt.")]
    public static partial void MailServerUnreachable(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 803, Level = LogLevel.Warning, Message = "Email {MessageId} was refused for good: {Reason}")]
    public static partial void EmailRefused(this ILogger logger, Guid messageId, string reason);

    [LoggerMessage(EventId = 804, Level = LogLevel.Warning, Message = "Sending email {MessageId} failed; it will be tried again.")]
    public static partial void EmailAttemptFailed(this ILogger logger, Exception exception, Guid messageId);
}

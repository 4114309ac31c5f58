namespace SubscriptionPortal.Payments;

/// <summary>The payments feature's log lines, compiled once by the logging source generator.</summary>
internal static partial class PaymentsLog
{
    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Direct debits were submitted by another run; nothing more to do.")]
    public static partial void DebitsSubmittedByAnotherRun(this ILogger logger);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Debit {DebitId} of platform {PlatformId} waits: the platform has no active mandate.")]
    public static partial void DebitWaitsForMandate(this ILogger logger, int debitId, int platformId);

    [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "Direct-debit file {MessageId}: {Count} debits, {Sum} EUR.")]
    public static partial void DebitFileProduced(this ILogger logger, string messageId, int count, decimal sum);

    [LoggerMessage(EventId = 204, Level = LogLevel.Error, Message = "Direct-debit file {MessageId} failed its integrity check: the stored bytes do not match their SHA-256. Not served.")]
    public static partial void DebitFileFailedIntegrityCheck(this ILogger logger, string messageId);

    [LoggerMessage(EventId = 205, Level = LogLevel.Information, Message = "Dunning of platform {PlatformId} left to the run that changed it at the same moment.")]
    public static partial void DunningLeftToOtherRun(this ILogger logger, int platformId);

    [LoggerMessage(EventId = 206, Level = LogLevel.Information, Message = "Dunning: {Retries} debits presented again, {Transitions} state changes over {Platforms} platforms.")]
    public static partial void DunningRunDone(this ILogger logger, int retries, int transitions, int platforms);
}

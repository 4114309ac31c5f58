namespace SubscriptionPortal.Data;

/// <summary>The data layer's log lines, compiled once by the logging source generator.</summary>
internal static partial class DataLog
{
    [LoggerMessage(EventId = 501, Level = LogLevel.Information, Message = "Demo platform {Name} seeded.")]
    public static partial void DemoPlatformSeeded(this ILogger logger, string name);

    [LoggerMessage(EventId = 502, Level = LogLevel.Warning,
        Message = "A checkpoint of the SQLite WAL failed: its pages stay in the WAL until the next checkpoint.")]
    public static partial void CheckpointFailed(this ILogger logger, Exception exception);
}

namespace SubscriptionPortal.Platforms;

/// <summary>The platforms feature's log lines, compiled once by the logging source generator.</summary>
internal static partial class PlatformsLog
{
    [LoggerMessage(EventId = 401, Level = LogLevel.Error, Message = "Document {Number} failed its integrity check during a data export: the export was stopped.")]
    public static partial void ExportStoppedOnIntegrityCheck(this ILogger logger, string number);
}

namespace SubscriptionPortal.Platforms;

/// <summary>The platforms feature's log lines, compiled once by the logging source generator.</summary>
internal static partial class PlatformsLog
{
    [LoggerMessage(EventId = 401, Level = LogLevel.Error, Message = "Document {Number} failed its integrity check during a data export: the export was stopped.")]
    public static partial void ExportStoppedOnIntegrityCheck(this ILogger logger, string number);

    // The caller's mistake, not the server's: logged as a bad request.
    [LoggerMessage(EventId = 402, Level = LogLevel.Information, Message = "Bad request: an export was asked for with a malformed progress id.")]
    public static partial void MalformedExportProgressId(this ILogger logger);
}

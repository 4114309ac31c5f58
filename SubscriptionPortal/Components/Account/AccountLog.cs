namespace SubscriptionPortal.Components.Account;

/// <summary>The Account pages' log lines, compiled once by the logging source generator.</summary>
internal static partial class AccountLog
{
    [LoggerMessage(EventId = 601, Level = LogLevel.Information, Message = "User with ID '{UserId}' asked for their personal data.")]
    public static partial void PersonalDataRequested(this ILogger logger, string userId);
}

namespace SubscriptionPortal.Subscriptions;

/// <summary>The subscriptions feature's log lines, compiled once by the logging source generator.</summary>
internal static partial class SubscriptionsLog
{
    [LoggerMessage(EventId = 301, Level = LogLevel.Error, Message = "Validating quote {QuoteId} failed.")]
    public static partial void QuoteValidationFailed(this ILogger logger, Exception exception, Guid quoteId);

    [LoggerMessage(EventId = 302, Level = LogLevel.Information, Message = "Subscription {SubscriptionId} was renewed by another run.")]
    public static partial void RenewedByAnotherRun(this ILogger logger, int subscriptionId);

    [LoggerMessage(EventId = 303, Level = LogLevel.Warning, Message = "Platform {PlatformId} has no active mandate: invoice {Number} awaits payment without a debit.")]
    public static partial void InvoiceAwaitsPaymentWithoutDebit(this ILogger logger, int platformId, string number);

    [LoggerMessage(EventId = 309, Level = LogLevel.Debug, Message = "Renewal batch: {Taken} PDFs rendered ahead were used, {Missed} documents had to be rendered again.")]
    public static partial void RenewalPdfsRenderedAhead(this ILogger logger, int taken, int missed);

    [LoggerMessage(EventId = 304, Level = LogLevel.Information, Message = "Renewal job issued {Count} invoices.")]
    public static partial void RenewalJobIssued(this ILogger logger, int count);

    [LoggerMessage(EventId = 305, Level = LogLevel.Information, Message = "Platform {PlatformId} closed: its cancelled subscription ended.")]
    public static partial void PlatformClosed(this ILogger logger, int platformId);

    [LoggerMessage(EventId = 306, Level = LogLevel.Information, Message = "Quote purge deleted {Count} expired quotes.")]
    public static partial void ExpiredQuotesPurged(this ILogger logger, int count);

    [LoggerMessage(EventId = 307, Level = LogLevel.Information, Message = "The reminder of subscription {SubscriptionId} was queued by another run.")]
    public static partial void ReminderQueuedByAnotherRun(this ILogger logger, int subscriptionId);

    [LoggerMessage(EventId = 308, Level = LogLevel.Information, Message = "A batch of {Count} renewals met another run's renewal and rolled back: renewing them one at a time.")]
    public static partial void RenewalBatchConflict(this ILogger logger, int count);
}

namespace SubscriptionPortal.Emails;

/// <summary>
/// Told what became of each message the sender worked on, once the outcome is written to the outbox. The
/// portal's metrics listen here, so the sender carries no metrics code.
/// </summary>
public interface IOutboxObserver
{
    /// <summary>The message was handed to the mail server (or written to the pickup folder).</summary>
    void Sent();

    /// <summary>An attempt failed and the message stays queued for a later retry.</summary>
    void RetryScheduled();

    /// <summary>The message is failed for good: refused permanently, or undelivered after the last retry.</summary>
    void Failed();
}

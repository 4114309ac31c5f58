namespace SubscriptionPortal.Emails;

/// <summary>Where an email of the outbox stands.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting for its first attempt or for its next retry.</summary>
    Queued = 0,

    /// <summary>Handed to the mail server (or written to the pickup folder).</summary>
    Sent = 1,

    /// <summary>Refused for good, or still undelivered after every retry: support decides.</summary>
    Failed = 2,
}

namespace SubscriptionPortal.Emails;

/// <summary>
/// One email, written in the same transaction as the change that causes it and sent afterwards by the
/// sender job. Its content is composed when it is queued, so what support reads is what was sent; only the
/// attached document is read at sending time, from the stored, immutable PDF.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Each failed attempt waits this long before the next one; after the last the message is failed.</summary>
    public static readonly IReadOnlyList<TimeSpan> RetryDelays =
    [
        TimeSpan.FromMinutes(1),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2),
        TimeSpan.FromHours(12),
    ];

    private OutboxMessage()
    {
    }

    public OutboxMessage(Guid id, int platformId, EmailKind kind, string language, string recipients, string subject, string htmlBody, string textBody,
        int? attachmentDocumentId, string? attachmentFileName, DateTime queuedAtUtc, string? onceKey = null)
    {
        OnceKey = onceKey;
        Id = id;
        PlatformId = platformId;
        Kind = kind;
        Language = language;
        Recipients = recipients;
        Subject = subject;
        HtmlBody = htmlBody;
        TextBody = textBody;
        AttachmentDocumentId = attachmentDocumentId;
        AttachmentFileName = attachmentFileName;
        QueuedAtUtc = queuedAtUtc;
        NextAttemptAtUtc = queuedAtUtc;
        Status = OutboxStatus.Queued;
    }

    /// <summary>Chosen when queued; the message's <c>Message-ID</c> is derived from it, so every attempt carries the same one.</summary>
    public Guid Id { get; private set; }

    public int PlatformId { get; private set; }

    public EmailKind Kind { get; private set; }

    /// <summary>The culture the message was written in: <c>fr-FR</c> or <c>en-GB</c>.</summary>
    public string Language { get; private set; } = "";

    /// <summary>The addresses it goes to, separated by commas.</summary>
    public string Recipients { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string HtmlBody { get; private set; } = "";

    public string TextBody { get; private set; } = "";

    /// <summary>The invoice or credit note whose stored PDF is attached, byte for byte.</summary>
    public int? AttachmentDocumentId { get; private set; }

    public string? AttachmentFileName { get; private set; }

    public DateTime QueuedAtUtc { get; private set; }

    public OutboxStatus Status { get; private set; }

    /// <summary>Attempts made so far, successful or not.</summary>
    public int Attempts { get; private set; }

    /// <summary>When the sender may take it (again); a claimed message is pushed past the claim's lease.</summary>
    public DateTime NextAttemptAtUtc { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    /// <summary>The last refusal or error, as the server or the system gave it.</summary>
    public string? LastError { get; private set; }

    /// <summary>
    /// For an email a job sends on a date (closing soon, platform closed, renewal reminder): what it is about,
    /// unique among all messages, so a job that runs twice, or on two instances, queues it once. Null otherwise.
    /// </summary>
    public string? OnceKey { get; private set; }

    /// <summary>The <c>Message-ID</c> header, without angle brackets.</summary>
    public string MessageId => $"{Id:N}@subscriptionportal";
}

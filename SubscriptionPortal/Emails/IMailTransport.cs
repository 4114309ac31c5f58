using MimeKit;

namespace SubscriptionPortal.Emails;

/// <summary>Where messages go: a mail server, or the pickup folder.</summary>
internal interface IMailTransport
{
    /// <summary>Opens one delivery session (one SMTP connection) for a batch of messages.</summary>
    Task<IMailSession> OpenAsync(CancellationToken ct);
}

/// <summary>One open delivery session.</summary>
internal interface IMailSession : IAsyncDisposable
{
    /// <summary>Hands one message over; throws <see cref="PermanentRefusalException"/> when it is refused for good, anything else for a passing failure.</summary>
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>The server refused the message for good (an SMTP 5xx answer): trying again would not help.</summary>
internal sealed class PermanentRefusalException(string message, Exception inner) : Exception(message, inner);

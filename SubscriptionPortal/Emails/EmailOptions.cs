namespace SubscriptionPortal.Emails;

/// <summary>How emails leave the portal (section <c>Email</c> of the configuration).</summary>
public sealed class EmailOptions
{
    /// <summary><see cref="EmailDelivery.Pickup"/> (the default: files, no server) or <see cref="EmailDelivery.Smtp"/>.</summary>
    public EmailDelivery Delivery { get; set; } = EmailDelivery.Pickup;

    /// <summary>Where <see cref="EmailDelivery.Pickup"/> writes each message as an <c>.eml</c> file; relative to the content root.</summary>
    public string PickupFolder { get; set; } = "App_Data/mail";

    /// <summary>The sender, as <c>Name &lt;address&gt;</c> or a bare address.</summary>
    public string From { get; set; } = "SubscriptionPortal <billing@subscriptionportal.example>";

    /// <summary>Where replies go, when it is not <see cref="From"/>.</summary>
    public string? ReplyTo { get; set; }

    /// <summary>The portal's public address, for the links in the emails.</summary>
    public string PortalUrl { get; set; } = "http://localhost:5073";

    /// <summary>How often the sender looks for due messages when nothing woke it (at least a minute).</summary>
    public int IntervalMinutes { get; set; } = 1;

    /// <summary>How many messages one claim takes.</summary>
    public int BatchSize { get; set; } = 50;

    public SmtpSettings Smtp { get; set; } = new();
}

/// <summary>The mail server, for <see cref="EmailDelivery.Smtp"/>.</summary>
public sealed class SmtpSettings
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 587;

    /// <summary><c>None</c>, <c>StartTls</c> (required), <c>StartTlsWhenAvailable</c> or <c>SslOnConnect</c> (port 465).</summary>
    public SmtpTls Tls { get; set; } = SmtpTls.StartTls;

    /// <summary>Empty: no authentication.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public int TimeoutSeconds { get; set; } = 30;
}

public enum EmailDelivery
{
    Pickup = 0,
    Smtp = 1,
}

public enum SmtpTls
{
    None = 0,
    StartTls = 1,
    StartTlsWhenAvailable = 2,
    SslOnConnect = 3,
}

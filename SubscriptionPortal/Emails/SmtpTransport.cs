using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace SubscriptionPortal.Emails;

/// <summary>Sends through the configured mail server (MailKit), one connection per batch.</summary>
internal sealed class SmtpTransport(IOptions<EmailOptions> options) : IMailTransport
{
    public async Task<IMailSession> OpenAsync(CancellationToken ct)
    {
        var settings = options.Value.Smtp;
        var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        try
        {
            await ConnectAsync(client, settings, ct);
            return new Session(client, settings);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task ConnectAsync(SmtpClient client, SmtpSettings settings, CancellationToken ct)
    {
        var tls = settings.Tls switch
        {
            SmtpTls.None => SecureSocketOptions.None,
            SmtpTls.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
            SmtpTls.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(settings.Host, settings.Port, tls, ct);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
        }
    }

    private sealed class Session(SmtpClient client, SmtpSettings settings) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            if (!client.IsConnected)
            {
                await ConnectAsync(client, settings, ct);
            }

            try
            {
                await client.SendAsync(message, ct);
            }
            catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
            {
                throw new PermanentRefusalException($"{(int)ex.StatusCode} {ex.Message}", ex);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true);
                }
            }
            catch (Exception ex) when (ex is IOException or SmtpProtocolException or SmtpCommandException or OperationCanceledException)
            {
                // The messages are already handed over: a failing QUIT changes nothing for them.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}

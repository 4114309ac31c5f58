using System.Net.Sockets;
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
        // MailKit writes the end of a message (the lone ".") apart from its body. With Nagle's algorithm on,
        // that small write waits for the server to acknowledge the body, and servers delay their ACK by up
        // to 40 ms: on every message. The socket is therefore opened here, with Nagle off.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
            try
            {
                await socket.ConnectAsync(settings.Host, settings.Port, timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"No connection to {settings.Host}:{settings.Port} within {settings.TimeoutSeconds} s.");
            }

            await client.ConnectAsync(socket, settings.Host, settings.Port, tls, ct);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

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

using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SubscriptionPortal.Benchmarks.Emails;

/// <summary>
/// A real SMTP server on 127.0.0.1, in the benchmark's process: it speaks the protocol over TCP (EHLO with
/// PIPELINING, MAIL, RCPT, DATA with dot-stuffing, RSET, NOOP, QUIT), accepts every message and counts them.
/// Like production servers (RFC 2920, section 3.2), it answers a pipelined group of commands with one write
/// once it has read all the client sent, so the benchmark measures the sender, not the server's TCP writes.
/// </summary>
internal sealed class LocalSmtpServer : IAsyncDisposable
{
    private static readonly byte[] EndOfData = "\r\n.\r\n"u8.ToArray();
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private Task accepting = Task.CompletedTask;
    private int received;

    private LocalSmtpServer()
    {
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public int Received => Volatile.Read(ref received);

    public static Task<LocalSmtpServer> StartAsync()
    {
        var server = new LocalSmtpServer();
        server.listener.Start();
        server.accepting = server.AcceptAsync();
        return Task.FromResult(server);
    }

    /// <summary>The settings that point the portal's sender at this server.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Email:Delivery"] = "Smtp",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Tls"] = "None",
        ["Email:From"] = "SubscriptionPortal <billing@portal.test>",
    };

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var socket = await listener.AcceptSocketAsync(stop.Token);
            socket.NoDelay = true;
            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    /// <summary>One SMTP session: read what the client sent, answer every complete command in it, write the answers at once.</summary>
    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            var input = new byte[64 * 1024];
            var length = 0;
            var session = new SessionState();
            var replies = new StringBuilder("220 localhost ESMTP ready\r\n");
            try
            {
                while (true)
                {
                    if (replies.Length > 0)
                    {
                        await socket.SendAsync(Encoding.ASCII.GetBytes(replies.ToString()), SocketFlags.None, stop.Token);
                        replies.Clear();
                        if (session.Quit)
                        {
                            return;
                        }
                    }

                    if (length == input.Length)
                    {
                        Array.Resize(ref input, input.Length * 2);
                    }

                    var read = await socket.ReceiveAsync(input.AsMemory(length), SocketFlags.None, stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    length += read;
                    var consumed = Answer(input.AsSpan(0, length), session, replies);
                    input.AsSpan(consumed, length - consumed).CopyTo(input);
                    length -= consumed;
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or IOException)
            {
                // The client or the benchmark ended the session.
            }
        }
    }

    /// <summary>Answers the complete commands (and message data) at the start of <paramref name="buffer"/>; returns how many bytes it used.</summary>
    private int Answer(ReadOnlySpan<byte> buffer, SessionState session, StringBuilder replies)
    {
        var consumed = 0;
        while (true)
        {
            var rest = buffer[consumed..];
            if (session.InData)
            {
                // The message ends with a line holding a single dot; the sender starts the data on a new line.
                var end = rest.IndexOf(EndOfData);
                if (end < 0)
                {
                    return consumed;
                }

                consumed += end + EndOfData.Length;
                session.InData = false;
                Interlocked.Increment(ref received);
                replies.Append("250 2.0.0 Accepted\r\n");
                continue;
            }

            var lineEnd = rest.IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                return consumed;
            }

            var command = Encoding.ASCII.GetString(rest[..lineEnd]);
            consumed += lineEnd + 2;
            var verb = command.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    replies.Append("250-localhost\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 52428800\r\n");
                    break;
                case "HELO" or "MAIL" or "RCPT" or "RSET" or "NOOP":
                    replies.Append("250 2.0.0 OK\r\n");
                    break;
                case "DATA":
                    // The data starts right after this line; the end marker then includes this line's CRLF.
                    session.InData = true;
                    consumed -= 2;
                    replies.Append("354 End data with <CR><LF>.<CR><LF>\r\n");
                    break;
                case "QUIT":
                    replies.Append("221 2.0.0 Bye\r\n");
                    session.Quit = true;
                    return consumed;
                default:
                    replies.Append("502 5.5.1 Command not implemented\r\n");
                    break;
            }
        }
    }

    private sealed class SessionState
    {
        public bool InData { get; set; }

        public bool Quit { get; set; }
    }
}

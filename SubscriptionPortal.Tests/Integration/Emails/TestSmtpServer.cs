using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace SubscriptionPortal.Tests.Integration.Emails;

/// <summary>
/// A real SMTP server on 127.0.0.1 (the SmtpServer package), in the test's process: it keeps every message it
/// accepts, can refuse chosen recipients for good (550), and can be stopped and started again on its port.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<Received> received = new();
    private readonly ConcurrentDictionary<string, bool> refused = new(StringComparer.OrdinalIgnoreCase);
    private SmtpServer.SmtpServer? server;
    private Task? running;
    private CancellationTokenSource? stop;

    private TestSmtpServer(int port) => Port = port;

    public int Port { get; }

    public IReadOnlyList<Received> Messages => [.. received];

    /// <summary>A server listening on a free port of 127.0.0.1, or only its port (to start later) when <paramref name="start"/> is false.</summary>
    public static async Task<TestSmtpServer> StartAsync(bool start = true)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var test = new TestSmtpServer(port);
        if (start)
        {
            await test.StartAsync();
        }

        return test;
    }

    /// <summary>The settings that point the portal's sender at this server.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Email:Delivery"] = "Smtp",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Tls"] = "None",
        ["Email:Smtp:TimeoutSeconds"] = "5",
        ["Email:From"] = "SubscriptionPortal <billing@portal.test>",
        ["Email:ReplyTo"] = "support@portal.test",
    };

    public void Refuse(string address) => refused[address] = true;

    public void Accept(string address) => refused.TryRemove(address, out _);

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(received));
        services.Add(new Filter(refused));
        server = new SmtpServer.SmtpServer(options, services);
        stop = new CancellationTokenSource();
        running = server.StartAsync(stop.Token);
        // Listening once a connection is accepted.
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }

        throw new InvalidOperationException($"The test SMTP server did not start on port {Port}.");
    }

    public async Task StopAsync()
    {
        if (server is null)
        {
            return;
        }

        server.Shutdown();
        await stop!.CancelAsync();
        try
        {
            await running!.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        server = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>One accepted message: the envelope's recipients and the message as it arrived.</summary>
    public sealed record Received(IReadOnlyList<string> EnvelopeTo, MimeMessage Message, byte[] Raw);

    private sealed class Store(ConcurrentQueue<Received> received) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var raw = buffer.ToArray();
            using var stream = new MemoryStream(raw);
            var message = MimeMessage.Load(stream, cancellationToken);
            received.Enqueue(new Received([.. transaction.To.Select(m => m.AsAddress())], message, raw));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private sealed class Filter(ConcurrentDictionary<string, bool> refused) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken token) =>
            Task.FromResult(!refused.ContainsKey(to.AsAddress()));
    }
}

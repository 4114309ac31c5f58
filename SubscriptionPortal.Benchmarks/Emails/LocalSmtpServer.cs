using System.Buffers;
using System.Net;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace SubscriptionPortal.Benchmarks.Emails;

/// <summary>A real SMTP server on 127.0.0.1 (the SmtpServer package), in the benchmark's process: it accepts every message and counts them.</summary>
internal sealed class LocalSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Counter counter = new();
    private Task running = Task.CompletedTask;

    private LocalSmtpServer(int port) => Port = port;

    public int Port { get; }

    public int Received => counter.Count;

    public static async Task<LocalSmtpServer> StartAsync()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var local = new LocalSmtpServer(port);
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(local.counter);
        local.running = new SmtpServer.SmtpServer(options, services).StartAsync(local.stop.Token);
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return local;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }

        throw new InvalidOperationException($"The SMTP server did not start on port {port}.");
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
        try
        {
            await running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        stop.Dispose();
    }

    private sealed class Counter : MessageStore
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref count);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using SubscriptionPortal.Operations;

namespace SubscriptionPortal.LoadTests;

/// <summary>
/// The published app (Release) run as its own process on Kestrel at 127.0.0.1, in Production, on a
/// SQLite file in a temporary folder, with the memory diagnostics endpoint switched on. Its console
/// output goes to <c>server.log</c> in that folder; error lines are counted per level.
/// </summary>
internal sealed class PortalProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(6);

    private readonly Process process;
    private readonly StreamWriter log;
    private readonly HttpClient http;
    private int errorLines;
    private bool disposed;

    private PortalProcess(Process process, StreamWriter log, Uri baseAddress)
    {
        this.process = process;
        this.log = log;
        BaseAddress = baseAddress;
        http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    public Uri BaseAddress { get; }

    public int ProcessId => process.Id;

    /// <summary>The processor time the server has used since it started, on all its threads.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>
    /// Puts every thread of the server under Linux's real-time round-robin policy (<c>chrt --all-tasks --rr</c>, priority 1;
    /// root only), or back under the normal one. Threads it starts meanwhile inherit the policy: any of them ready to
    /// run gets a core before the browsers' threads, as if the server had the machine to itself.
    /// </summary>
    public async Task RunFirstAsync(bool first)
    {
        var pid = process.Id.ToString(CultureInfo.InvariantCulture);
        using var chrt = Process.Start(new ProcessStartInfo("chrt", first ? ["--all-tasks", "--rr", "--pid", "1", pid] : ["--all-tasks", "--other", "--pid", "0", pid])
        {
            RedirectStandardError = true,
        })!;
        var error = chrt.StandardError.ReadToEndAsync();
        await chrt.WaitForExitAsync();
        if (chrt.ExitCode != 0)
        {
            throw new InvalidOperationException($"chrt failed ({chrt.ExitCode}): {await error}");
        }
    }

    /// <summary>Lines the server logged at error level or above ("fail:", "crit:") since it started.</summary>
    public int ErrorLines => Volatile.Read(ref errorLines);

    /// <summary><c>dotnet publish -c Release</c> of the app into <paramref name="output"/>.</summary>
    public static async Task PublishAsync(string repositoryRoot, string output)
    {
        var project = Path.Combine(repositoryRoot, "SubscriptionPortal", "SubscriptionPortal.csproj");
        using var publish = Process.Start(new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", output, "--nologo", "-v", "quiet"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):\n{await stdout}\n{await stderr}");
        }
    }

    public static async Task<PortalProcess> StartAsync(string appFolder, string databasePath, string logPath)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(appFolder, "SubscriptionPortal.dll")])
        {
            WorkingDirectory = appFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Sqlite"] = $"Data Source={databasePath}";
        start.Environment["Diagnostics__Enabled"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        var server = new PortalProcess(process, new StreamWriter(logPath) { AutoFlush = true }, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => server.Write(e.Data);
        process.ErrorDataReceived += (_, e) => server.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilLiveAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Forces a full collection in the server and reads its memory and circuits.</summary>
    public async Task<MemorySnapshot> MeasureAsync() =>
        await http.GetFromJsonAsync<MemorySnapshot>("diagnostics/memory")
        ?? throw new InvalidOperationException("The diagnostics endpoint answered nothing.");

    /// <summary>The server's <c>/metrics</c> in Prometheus' text format (loopback is allowed by default).</summary>
    public Task<string> ScrapeMetricsAsync() => http.GetStringAsync("metrics");

    /// <summary>Waits until the server holds no more than <paramref name="circuits"/> circuits, at most <paramref name="limit"/>.</summary>
    public async Task<TimeSpan> WaitForCircuitsAsync(long circuits, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit && (await MeasureAsync()).OpenCircuits > circuits)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        return watch.Elapsed;
    }

    private async Task WaitUntilLiveAsync()
    {
        var watch = Stopwatch.StartNew();
        // Generous: on a machine shared with other builds, starting alone took up to a few minutes.
        while (watch.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app stopped at start (exit code {process.ExitCode}); see server.log.");
            }

            try
            {
                using var response = await http.GetAsync("health/live");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"The app did not answer /health/live within {StartTimeout.TotalMinutes:0} minutes.");
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref errorLines);
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        http.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        lock (log)
        {
            log.Dispose();
        }
    }
}

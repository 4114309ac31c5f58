using System.Diagnostics;
using Microsoft.Playwright;
using SubscriptionPortal.Components;
using SubscriptionPortal.LoadTests;
using SubscriptionPortal.Operations;

var (options, error) = LoadOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

if (options.ServerFirst && !Environment.IsPrivilegedProcess)
{
    Console.Error.WriteLine("--server-first gives the server a real-time priority, which only root may do.");
    return 2;
}

const string ChromiumPath = "/usr/bin/chromium";
var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? ChromiumPath;
if (!File.Exists(chromium))
{
    Console.Error.WriteLine($"Chromium was not found at {chromium}: apt-get install -y chromium, or set CHROMIUM_PATH.");
    return 2;
}

var repository = RepositoryRoot();
var folder = Path.Combine(Path.GetTempPath(), "sp-load", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
var appFolder = options.PublishedApp ?? Path.Combine(folder, "app");
var database = Path.Combine(folder, "portal.db");
var watch = Stopwatch.StartNew();

if (options.PublishedApp is null)
{
    Log($"Publishing the app (Release) into {appFolder}…");
    await PortalProcess.PublishAsync(repository, appFolder);
}

// The warm-up users come after the largest level's.
const int WarmUpRounds = 2;
var warmUpUsers = options.WarmUpUsers;
Log($"Seeding {options.MaxUsers + warmUpUsers} admins, each with a Serenity platform…");
await LoadUsers.SeedAsync(appFolder, database, options.MaxUsers + warmUpUsers);

Log("Starting the app in Production with the diagnostics endpoint…");
await using var server = await PortalProcess.StartAsync(appFolder, database, Path.Combine(folder, "server.log"));
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = chromium,
    Headless = true,
    Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        // Every tab stays as live as a foreground one.
        "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
    ],
});

// The first users pay for JIT compilation, EF Core's model and query caches and MudBlazor's, and the runtime
// compiles the code they run again twice, each time after about 30 calls of a method: instrumented, then
// optimized with what the instrumented code saw (tiered compilation with dynamic PGO). So the warm-up users go
// through the scenario together, as a level does, in two rounds, and are more than 30: what runs once per user
// runs 80 times before the start is measured, and the levels measure the code a server that has been up a while
// runs. With two warm-up users, the first level's quotes ran while the runtime compiled over 4 000 methods,
// and the server's processor time per quote was twice the second level's.
var random = new Random(2026);
for (var round = 1; round <= WarmUpRounds; round++)
{
    Log($"Warm-up, round {round} of {WarmUpRounds}: {warmUpUsers} users go through the scenario together and leave…");
    var warmUp = Enumerable.Range(options.MaxUsers + 1, warmUpUsers).Select(i => new VirtualUser(browser, server.BaseAddress, LoadUsers.Email(i))).ToList();
    await SignInAndOpenPlanAsync(warmUp);
    await Task.WhenAll(warmUp.Select(user => user.OpenChoicePageAsync()));
    await Task.WhenAll(warmUp.Select(user => user.ChangeQuotesAsync(options.Changes, new Random(random.Next()))));
    await Task.WhenAll(warmUp.Select(user => user.LeaveAsync()));
}

var (start, _) = await MeasureWhenSettledAsync();
var startLoad = LoadAverage();
await PauseAsync("start");
Log($"Start: heap {start.HeapBytes / 1024 / 1024} MB, resident {start.WorkingSetBytes / 1024 / 1024} MB, load {startLoad}.");

var levels = new List<LoadLevel>();
foreach (var count in options.UserCounts)
{
    levels.Add(await RunLevelAsync(count));
    // The table so far after each level: a long run stopped midway keeps what it measured.
    var report = Report.Write(start, warmUpUsers, levels, startLoad, options.ServerFirst);
    Console.WriteLine();
    Console.WriteLine(report);
    if (options.Output is not null)
    {
        await File.WriteAllTextAsync(options.Output, report);
    }
}

Log($"Done in {watch.Elapsed.TotalMinutes:0.0} min. Server log: {Path.Combine(folder, "server.log")}");
await server.DisposeAsync();
if (!options.Keep)
{
    // The run's figures are in the report, the log and the scrapes; the app and the database are most of
    // the folder (about 80 MB) and are made again by the next run. A run that stops midway keeps them.
    RemoveBulk();
    Log($"Removed the database{(options.PublishedApp is null ? " and the published app" : "")}; --keep keeps them.");
}

return 0;

async Task<LoadLevel> RunLevelAsync(int count)
{
    var errorsBefore = server.ErrorLines;
    var users = Enumerable.Range(1, count).Select(i => new VirtualUser(browser, server.BaseAddress, LoadUsers.Email(i))).ToList();
    Log($"{count} users: signing in and opening Subscription Plan ({options.SignInParallelism} at a time)…");
    await SignInAndOpenPlanAsync(users);
    var signedIn = users.Count(u => u.Errors == 0);
    var onPlan = await server.MeasureAsync();
    await PauseAsync($"{count} users on Subscription Plan");
    Log($"{count} users: {onPlan.OpenCircuits} circuits on Subscription Plan, heap {onPlan.HeapBytes / 1024 / 1024} MB. Going to the choice page, all at once…");
    await Task.WhenAll(users.Select(user => user.OpenChoicePageAsync()));
    Log($"{count} users: changing quotes, all at once…");

    var loadSamples = new List<string> { LoadAverage() };
    var seed = random.Next();
    var metricsBefore = await server.ScrapeMetricsAsync();
    // Only while the users quote: a server whose every thread may take a core from the browsers was seen to
    // stall for minutes in a forced full collection after they left.
    if (options.ServerFirst)
    {
        await server.RunFirstAsync(true);
    }

    TimeSpan processorDuringQuotes;
    try
    {
        var processorBefore = server.ProcessorTime;
        await Task.WhenAll(users.Select((user, i) => user.ChangeQuotesAsync(options.Changes, new Random(seed + i))));
        processorDuringQuotes = server.ProcessorTime - processorBefore;
    }
    finally
    {
        if (options.ServerFirst)
        {
            await server.RunFirstAsync(false);
        }
    }

    var metricsAfter = await server.ScrapeMetricsAsync();
    loadSamples.Add(LoadAverage());
    // Kept beside the server's log, for reading the other metrics of the busy moment afterwards.
    await File.WriteAllTextAsync(Path.Combine(folder, $"metrics-{count}-before-quotes.txt"), metricsBefore);
    await File.WriteAllTextAsync(Path.Combine(folder, $"metrics-{count}-after-quotes.txt"), metricsAfter);
    // The tier and commitment radios' clicks, each of which quotes.
    var quoteEvents = EventTimings.Between(metricsBefore, metricsAfter,
        labels => labels.Contains("aspnetcore_components_type=\"MudBlazor.MudRadio`1", StringComparison.Ordinal)
            && labels.Contains("code_function_name=\"OnClickAsync\"", StringComparison.Ordinal));
    foreach (var user in users)
    {
        await user.CheckScreenAsync();
    }

    var onChoice = await server.MeasureAsync();
    await PauseAsync($"{count} users on the choice page");
    Log($"{count} users: idle on the choice page, {onChoice.OpenCircuits} circuits, heap {onChoice.HeapBytes / 1024 / 1024} MB. Leaving…");
    var clientErrors = users.Sum(u => u.Errors);
    await Task.WhenAll(users.Select(u => u.LeaveAsync()));
    var (after, waited) = await MeasureWhenSettledAsync();
    Log($"{count} users gone: {after.OpenCircuits} circuits after {waited.TotalSeconds:0} s, heap {after.HeapBytes / 1024 / 1024} MB, resident {after.WorkingSetBytes / 1024 / 1024} MB.");
    await PauseAsync($"{count} users gone");
    return new LoadLevel(
        count, signedIn, onPlan, onChoice, after, waited,
        [.. users.SelectMany(u => u.QuoteLatenciesMs)], quoteEvents, processorDuringQuotes,
        CompiledMethods.Between(metricsBefore, metricsAfter),
        clientErrors, server.ErrorLines - errorsBefore, string.Join(" → ", loadSamples));
}

// At most --sign-in-parallel users sign in at a time.
async Task SignInAndOpenPlanAsync(IReadOnlyList<VirtualUser> users)
{
    using var gate = new SemaphoreSlim(options.SignInParallelism);
    await Task.WhenAll(users.Select(async user =>
    {
        await gate.WaitAsync();
        try
        {
            await user.SignInAndOpenPlanAsync();
        }
        finally
        {
            gate.Release();
        }
    }));
}

// The start and each "after leaving" are measured alike, once the users' circuits are gone and the
// retention period has passed since they left: a vanished tab may keep its circuit that long, and the
// server gives back the connection buffers it pooled for the peak in the meantime.
async Task<(MemorySnapshot Memory, TimeSpan CircuitsGoneAfter)> MeasureWhenSettledAsync()
{
    var gone = await server.WaitForCircuitsAsync(0, CircuitRetention.Period + TimeSpan.FromSeconds(30));
    if (gone < CircuitRetention.Period)
    {
        await Task.Delay(CircuitRetention.Period - gone);
    }

    return (await server.MeasureAsync(), gone);
}

async Task PauseAsync(string moment)
{
    if (options.PauseSeconds > 0)
    {
        Log($"Holding {moment} for {options.PauseSeconds} s (server process {server.ProcessId}).");
        await Task.Delay(TimeSpan.FromSeconds(options.PauseSeconds));
    }
}

void RemoveBulk()
{
    foreach (var file in Directory.EnumerateFiles(folder, Path.GetFileName(database) + "*"))
    {
        File.Delete(file);
    }

    if (options.PublishedApp is null && Directory.Exists(appFolder))
    {
        Directory.Delete(appFolder, recursive: true);
    }
}

void Log(string message) => Console.WriteLine($"[{watch.Elapsed:mm\\:ss}] {message}");

// The 1-minute load average, as /proc/loadavg gives it.
static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

static string RepositoryRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "SubscriptionPortal.sln")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("The repository (SubscriptionPortal.sln) was not found above the load tool.");
}

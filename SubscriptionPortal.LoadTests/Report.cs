using System.Globalization;
using System.Text;
using SubscriptionPortal.Operations;

namespace SubscriptionPortal.LoadTests;

/// <summary>The markdown table of a run, with the goals it is read against.</summary>
internal static class Report
{
    public const double HeapPerCircuitGoalKb = 500;
    public const double P95GoalMs = 150;

    public static string Write(MemorySnapshot start, int warmUpUsers, IReadOnlyList<LoadLevel> levels, string startLoad, bool serverFirst)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Start (after {warmUpUsers} warm-up users came and left together, twice): managed heap {Mb(start.HeapBytes)} MB after a full GC, resident {Mb(start.WorkingSetBytes)} MB, {(start.ServerGc ? "server" : "workstation")} GC, {Priority(serverFirst)}, load average {startLoad}.");
        text.AppendLine();
        text.AppendLine("| users | circuits | heap / circuit, Subscription Plan | heap / circuit, choice page | heap ÷ circuits | resident | quote p50 | p95 | p99 | quotes timed | server: quoting clicks handled within 150 ms | server: p95 at most | server: processor per quoting click | methods compiled meanwhile | errors client / server | load avg | after leaving: circuits | heap vs start | resident vs start |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|");
        foreach (var level in levels)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {level.Users} | {level.OnChoicePage.OpenCircuits} | {PerCircuitKb(start, level.OnPlan)} | {PerCircuitKb(start, level.OnChoicePage)} | {Kb(level.OnChoicePage.HeapBytes / (double)Math.Max(1, level.OnChoicePage.OpenCircuits))} KB | {Mb(level.OnChoicePage.WorkingSetBytes)} MB | {Ms(level.Percentile(50))} | {Ms(level.Percentile(95))} | {Ms(level.Percentile(99))} | {level.QuoteLatenciesMs.Count} | {Share(level.QuoteEventsOnServer)} | {Bound(level.QuoteEventsOnServer.PercentileAtMost(95))} | {ProcessorMs(level.ProcessorMsPerQuote)} | {level.MethodsCompiledDuringQuotes?.ToString(CultureInfo.InvariantCulture) ?? "—"} | {level.ClientErrors} / {level.ServerErrors} | {level.LoadAverage} | {level.AfterLeaving.OpenCircuits} after {level.WaitedAfterLeaving.TotalSeconds:0} s | {Mb(level.AfterLeaving.HeapBytes)} MB ({Change(start.HeapBytes, level.AfterLeaving.HeapBytes)}) | {Mb(level.AfterLeaving.WorkingSetBytes)} MB ({Change(start.WorkingSetBytes, level.AfterLeaving.WorkingSetBytes)}) |"));
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Heap / circuit is the managed heap after a forced full GC minus the start's, divided by the open circuits (goal ≤ {HeapPerCircuitGoalKb:0} KB on Subscription Plan); heap ÷ circuits divides the whole heap. Quote: tier or commitment clicked → new quote on screen, timed in the page (goal p95 ≤ {P95GoalMs:0} ms with 100 users). Server: the same clicks as Blazor's own histogram on /metrics times them, from the moment the circuit runs the radio's handler until it has finished (quote included), without the browser, the network or the wait for the circuit's turn; the p95 is known to its bucket's bound; processor per quoting click is the server's processor time (all threads) while the users quoted, divided by those clicks, and methods compiled meanwhile counts the methods the runtime compiled in that time (about 400 once the server has settled here; thousands mean it was still optimizing code called for the first times, and the processor time includes that). After leaving: every browser closed, then measured as the start was, once the circuits are gone and the retention period has passed (goal: within 10 % of the start).");
        return text.ToString();
    }

    /// <summary>How the server shares the cores with the browsers, in a few words.</summary>
    private static string Priority(bool serverFirst) =>
        serverFirst ? "the server first on the cores while the users quote (real-time priority)" : "the server sharing the cores with the browsers";

    private static string PerCircuitKb(MemorySnapshot start, MemorySnapshot at) =>
        at.OpenCircuits == 0 ? "—" : $"{Kb((at.HeapBytes - start.HeapBytes) / (double)at.OpenCircuits)} KB";

    private static string Share(EventTimings events) =>
        events.ShareWithin(P95GoalMs / 1000) is { } share
            ? (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + $" % of {events.Count}"
            : "—";

    private static string Bound(double? seconds) => seconds switch
    {
        null => "—",
        double.PositiveInfinity => "over 10 s",
        { } s => (s * 1000).ToString("0", CultureInfo.InvariantCulture) + " ms",
    };

    private static string ProcessorMs(double? ms) => ms is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + " ms" : "—";

    private static string Kb(double bytes) => (bytes / 1024).ToString("0", CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => (bytes / 1024d / 1024).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Ms(double? ms) => ms is { } v ? v.ToString("0", CultureInfo.InvariantCulture) + " ms" : "—";

    private static string Change(long start, long now) =>
        ((now - start) * 100d / start).ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture) + " %";
}

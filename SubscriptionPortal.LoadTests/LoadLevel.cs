using SubscriptionPortal.Operations;

namespace SubscriptionPortal.LoadTests;

/// <summary>What one level of simultaneous users measured.</summary>
internal sealed record LoadLevel(
    int Users,
    int SignedIn,
    MemorySnapshot OnPlan,
    MemorySnapshot OnChoicePage,
    MemorySnapshot AfterLeaving,
    TimeSpan WaitedAfterLeaving,
    IReadOnlyList<double> QuoteLatenciesMs,
    EventTimings QuoteEventsOnServer,
    TimeSpan ServerProcessorDuringQuotes,
    long? MethodsCompiledDuringQuotes,
    int ClientErrors,
    int ServerErrors,
    string LoadAverage)
{
    /// <summary>
    /// The server's processor time while the users changed their quotes, divided by the quoting clicks it
    /// handled: everything a click costs the server (handler, quote, renders, the URL kept up to date, SignalR),
    /// plus its share of whatever else ran then. Less sensitive to the browsers' noise than the latencies.
    /// </summary>
    public double? ProcessorMsPerQuote =>
        QuoteEventsOnServer.Count == 0 ? null : ServerProcessorDuringQuotes.TotalMilliseconds / QuoteEventsOnServer.Count;

    /// <summary>The value below which <paramref name="percent"/> % of the timings fall (nearest rank).</summary>
    public double? Percentile(double percent)
    {
        if (QuoteLatenciesMs.Count == 0)
        {
            return null;
        }

        var sorted = QuoteLatenciesMs.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SubscriptionPortal.Benchmarks;

/// <summary>
/// A logging provider that writes nothing and counts what reaches it, by level and event, so that a
/// benchmark can say afterwards whether the measured code met anything unusual (a conflict, a warning).
/// </summary>
internal sealed class LogCounter : ILoggerProvider
{
    private readonly ConcurrentDictionary<(LogLevel Level, string Category, EventId Event), int> counts = new();

    /// <summary>The events counted so far, e.g. <c>Information RenewalService 308 RenewalBatchConflict: 2</c>; empty when nothing was logged.</summary>
    public IReadOnlyList<string> Summary() =>
        [.. counts.OrderBy(c => c.Key.Event.Id).Select(c => $"{c.Key.Level} {c.Key.Category} {c.Key.Event.Id} {c.Key.Event.Name}: {c.Value}")];

    public void Clear() => counts.Clear();

    public ILogger CreateLogger(string categoryName) => new Counter(this, categoryName[(categoryName.LastIndexOf('.') + 1)..]);

    public void Dispose()
    {
    }

    private sealed class Counter(LogCounter owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.counts.AddOrUpdate((logLevel, category, eventId), 1, (_, n) => n + 1);
    }
}

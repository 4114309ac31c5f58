using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SubscriptionPortal.Tests.Integration.Http;

/// <summary>Keeps what the app logs at <paramref name="minimum"/> (Warning unless told) and above, to check how something was reported.</summary>
public sealed class LogCapture(LogLevel minimum = LogLevel.Warning) : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> entries = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Message)> Entries => [.. entries];

    public IEnumerable<string> ErrorsAndAbove =>
        entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message}");

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, minimum, entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, LogLevel minimum, ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue((category, logLevel, formatter(state, exception) + (exception is null ? "" : " " + exception.GetType().Name)));
            }
        }
    }
}

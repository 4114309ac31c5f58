using System.Collections.Concurrent;

namespace SubscriptionPortal.Platforms.Export;

/// <summary>
/// Progress of the exports being downloaded. The download is a plain HTTP response the browser saves,
/// so the page cannot see it: the page opens an entry here, puts its id in the download link, and the
/// endpoint reports into that entry while it streams. Entries belong to the user who opened them and
/// are forgotten after an hour.
/// </summary>
internal sealed class ExportProgressTracker(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<Guid, Entry> entries = new();

    public Guid Begin(string userId)
    {
        var now = clock.GetUtcNow();
        foreach (var (id, entry) in entries)
        {
            if (now - entry.OpenedAt > Lifetime)
            {
                entries.TryRemove(id, out _);
            }
        }

        var key = Guid.NewGuid();
        entries[key] = new Entry(userId, now);
        return key;
    }

    public ExportProgress? Get(Guid id, string userId) =>
        entries.TryGetValue(id, out var entry) && entry.UserId == userId ? entry.Progress : null;

    public void Forget(Guid id, string userId)
    {
        if (entries.TryGetValue(id, out var entry) && entry.UserId == userId)
        {
            entries.TryRemove(id, out _);
        }
    }

    /// <summary>Where the endpoint reports; null (report nowhere) for an unknown id or another user's.</summary>
    public IProgress<ExportProgress>? ReporterFor(Guid id, string userId) =>
        entries.TryGetValue(id, out var entry) && entry.UserId == userId ? new Reporter(entry) : null;

    private sealed class Entry(string userId, DateTimeOffset openedAt)
    {
        // Written by the download's request, read by the page's circuit.
        private volatile ExportProgress progress = ExportProgress.NotStarted;

        public string UserId { get; } = userId;

        public DateTimeOffset OpenedAt { get; } = openedAt;

        public ExportProgress Progress
        {
            get => progress;
            set => progress = value;
        }
    }

    // Not Progress<T>: that one posts to a synchronisation context; the page polls, it needs the latest value now.
    private sealed class Reporter(Entry entry) : IProgress<ExportProgress>
    {
        public void Report(ExportProgress value) => entry.Progress = value;
    }
}

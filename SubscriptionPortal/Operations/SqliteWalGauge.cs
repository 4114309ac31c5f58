using System.Diagnostics.Metrics;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Operations;

/// <summary>
/// The SQLite WAL as its background checkpoint (<see cref="SqliteWalCheckpointer"/>) last found it:
/// <c>portal.sqlite.wal.frames</c>, the WAL's size in pages, which keeps growing while writes never pause long enough
/// for it to start over; <c>portal.sqlite.wal.uncopied_frames</c>, those of them not yet in the database file; and
/// <c>portal.sqlite.wal.checkpoint_age</c>, the seconds since that checkpoint ran, which grows past a few seconds only
/// when the service has stopped or every checkpoint fails. Nothing on PostgreSQL, which has no such service.
/// </summary>
internal sealed class SqliteWalGauge
{
    public SqliteWalGauge(IMeterFactory meters, IEnumerable<SqliteWalCheckpointer> checkpointers)
    {
        if (checkpointers.FirstOrDefault() is not { } checkpointer)
        {
            return;
        }

        var meter = meters.Create(PortalMetrics.MeterName);
        meter.CreateObservableGauge("portal.sqlite.wal.frames", () => Frames(checkpointer.Reading().Frames), unit: "{frame}",
            description: "Frames (pages) in the SQLite WAL at its last background checkpoint.");
        meter.CreateObservableGauge("portal.sqlite.wal.uncopied_frames", () => Frames(checkpointer.Reading().Uncopied), unit: "{frame}",
            description: "Frames of the SQLite WAL its last background checkpoint could not copy into the database file yet.");
        meter.CreateObservableGauge("portal.sqlite.wal.checkpoint_age", () => checkpointer.Reading().Since.TotalSeconds, unit: "s",
            description: "Seconds since the last background checkpoint of the SQLite WAL ran (since the start while none has).");
    }

    /// <summary>No measurement before the first checkpoint: nothing is known of the WAL yet.</summary>
    private static IEnumerable<Measurement<long>> Frames(long? frames) => frames is { } value ? [new Measurement<long>(value)] : [];
}

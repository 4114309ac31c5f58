using System.Diagnostics.Metrics;

namespace SubscriptionPortal.Tests.Integration.Operations;

/// <summary>Reads an observable instrument of one app's meters as a scrape would, without a web host or an exporter.</summary>
internal static class Gauges
{
    /// <summary>What the instrument reports now; null when the app's meters have no instrument of that name.</summary>
    public static List<double>? Observe(IMeterFactory meters, string name)
    {
        var published = false;
        var seen = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // The meter's scope is the factory that created it: another test's app in the same process has its own.
            if (instrument.Name == name && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                published = true;
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => seen.Add(value));
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => seen.Add(value));
        listener.Start();
        listener.RecordObservableInstruments();
        return published ? seen : null;
    }
}

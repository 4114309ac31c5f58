using System.Globalization;
using System.Text.RegularExpressions;

namespace SubscriptionPortal.LoadTests;

/// <summary>
/// How long the server took to handle browser events between two scrapes of <c>/metrics</c>, read from
/// Blazor's own histogram (<c>aspnetcore.components.handle_event.duration</c>): from the moment the
/// circuit runs an event's handler until the handler has finished, quoting included. It leaves out the
/// browser, the network and the wait for the circuit's turn, which the timings in the page include.
/// </summary>
internal sealed partial class EventTimings
{
    private const string Metric = "aspnetcore_components_handle_event_duration_seconds";

    private readonly SortedDictionary<double, long> cumulative;

    private EventTimings(SortedDictionary<double, long> cumulative) => this.cumulative = cumulative;

    /// <summary>Events counted between the two scrapes.</summary>
    public long Count => cumulative.Count == 0 ? 0 : cumulative[double.PositiveInfinity];

    /// <summary>
    /// The events of the series whose labels match <paramref name="series"/> (the component and the
    /// method that handled them), counted after minus before.
    /// </summary>
    public static EventTimings Between(string before, string after, Func<string, bool> series)
    {
        var start = Buckets(before, series);
        var end = Buckets(after, series);
        var difference = new SortedDictionary<double, long>();
        foreach (var (bound, count) in end)
        {
            difference[bound] = count - start.GetValueOrDefault(bound);
        }

        return new EventTimings(difference);
    }

    /// <summary>The share of the events handled within <paramref name="seconds"/>, which must be a bucket's bound.</summary>
    public double? ShareWithin(double seconds) =>
        Count == 0 ? null : cumulative.TryGetValue(seconds, out var within) ? within / (double)Count
            : throw new ArgumentException($"{seconds} s is not one of the histogram's bounds.", nameof(seconds));

    /// <summary>
    /// The bound of the bucket that holds the <paramref name="percent"/>th percentile: the percentile is at
    /// most that, and more than the bucket below. Infinity when it is past the last bound.
    /// </summary>
    public double? PercentileAtMost(double percent)
    {
        if (Count == 0)
        {
            return null;
        }

        var rank = (long)Math.Ceiling(percent / 100 * Count);
        return cumulative.First(bucket => bucket.Value >= rank).Key;
    }

    /// <summary>The cumulative bucket counts of the matching series, added together, by upper bound.</summary>
    private static Dictionary<double, long> Buckets(string exposition, Func<string, bool> series)
    {
        var buckets = new Dictionary<double, long>();
        foreach (Match sample in BucketSample().Matches(exposition))
        {
            if (!series(sample.Groups["labels"].Value))
            {
                continue;
            }

            var bound = sample.Groups["le"].Value == "+Inf" ? double.PositiveInfinity : double.Parse(sample.Groups["le"].Value, CultureInfo.InvariantCulture);
            buckets[bound] = buckets.GetValueOrDefault(bound) + long.Parse(sample.Groups["count"].Value, CultureInfo.InvariantCulture);
        }

        return buckets;
    }

    [GeneratedRegex($@"^{Metric}_bucket\{{(?<labels>[^}}]*),le=""(?<le>[^""]+)""\}} (?<count>\d+)", RegexOptions.Multiline)]
    private static partial Regex BucketSample();
}

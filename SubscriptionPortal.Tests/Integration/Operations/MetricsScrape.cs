using System.Globalization;
using System.Text.RegularExpressions;

namespace SubscriptionPortal.Tests.Integration.Operations;

/// <summary>Reads samples out of a <c>/metrics</c> answer in Prometheus' text format.</summary>
public static partial class MetricsScrape
{
    /// <summary>The sum of a metric's samples, over the series whose labels contain <paramref name="label"/>; 0 when it has none.</summary>
    public static double Sum(string exposition, string metric, string label = "") =>
        Samples(exposition, metric, label).Sum();

    /// <summary>The metric's one sample, or null when the scrape has none.</summary>
    public static double? Value(string exposition, string metric) =>
        Samples(exposition, metric, "").ToList() switch
        {
            [] => null,
            [var value] => value,
            var values => throw new InvalidOperationException($"{metric} has {values.Count} samples."),
        };

    private static IEnumerable<double> Samples(string exposition, string metric, string label) =>
        Sample().Matches(exposition)
            .Where(m => m.Groups["name"].Value == metric && m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal))
            .Select(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<labels>\{[^}]*\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}

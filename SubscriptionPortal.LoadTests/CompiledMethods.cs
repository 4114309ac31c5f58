using System.Globalization;
using System.Text.RegularExpressions;

namespace SubscriptionPortal.LoadTests;

/// <summary>
/// How many methods the server's runtime had compiled, read from <c>/metrics</c>
/// (<c>dotnet.jit.compiled_methods</c>, from the runtime's own meter). Between two scrapes it tells whether the
/// moment measured ran settled code or also paid for compiling it: the runtime compiles a method again,
/// optimized, once it has been called about 30 times, on a thread of its own.
/// </summary>
internal static partial class CompiledMethods
{
    /// <summary>The counter's value in a scrape, or null when the scrape does not have it.</summary>
    public static long? In(string exposition) =>
        Sample().Match(exposition) is { Success: true } sample
            ? long.Parse(sample.Groups["count"].Value, NumberStyles.None, CultureInfo.InvariantCulture)
            : null;

    /// <summary>Methods compiled between the two scrapes, or null when either does not have the counter.</summary>
    public static long? Between(string before, string after) => In(after) - In(before);

    [GeneratedRegex(@"^dotnet_jit_compiled_methods_total(\{[^}]*\})? (?<count>\d+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}

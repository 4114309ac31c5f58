using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SubscriptionPortal.Tests.Unit.Billing.EInvoicing;

/// <summary>
/// Runs the EN 16931 validation tool (<c>shared/tools/validate-cii</c>: the UN/CEFACT CII D16B
/// schema, then the official EN 16931 business rules) on XML files, as an auditor would.
/// </summary>
internal static partial class CiiValidator
{
    private const string ToolName = "validate-cii";

    /// <summary>One file's verdict: schema valid or not, fatal rules failed, and the tool's lines about it.</summary>
    public sealed record Verdict(bool SchemaValid, int Fatal, int Warnings, string Output);

    /// <summary>The tool in the first <c>shared/tools</c> folder met walking up from the test binaries.</summary>
    /// <exception cref="FileNotFoundException">No such folder: the validation must never be skipped.</exception>
    public static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var tool = Path.Combine(directory.FullName, "shared", "tools", ToolName);
            if (File.Exists(tool))
            {
                return tool;
            }
        }

        throw new FileNotFoundException($"{ToolName} was not found in a shared/tools folder above {AppContext.BaseDirectory}.", ToolName);
    }

    /// <summary>Validates each document's XML in one run of the tool (one Java start for all).</summary>
    public static IReadOnlyDictionary<string, Verdict> Validate(IReadOnlyDictionary<string, byte[]> xmlByName)
    {
        var folder = Directory.CreateTempSubdirectory("cii-");
        try
        {
            var paths = new Dictionary<string, string>();
            foreach (var (name, xml) in xmlByName)
            {
                var path = Path.Combine(folder.FullName, name + ".xml");
                File.WriteAllBytes(path, xml);
                paths[name] = path;
            }

            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Locate());
            foreach (var path in paths.Values)
            {
                start.ArgumentList.Add(path);
            }

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var all = output + stderr.Result;

            var verdicts = new Dictionary<string, Verdict>();
            foreach (var (name, path) in paths)
            {
                var lines = string.Join("\n", all.Split('\n').Where(l => l.Contains(path, StringComparison.Ordinal)));
                var summary = Summary().Match(lines);
                verdicts[name] = summary.Success
                    ? new Verdict(true, int.Parse(summary.Groups["fatal"].Value, CultureInfo.InvariantCulture), int.Parse(summary.Groups["warnings"].Value, CultureInfo.InvariantCulture), lines)
                    : new Verdict(false, -1, -1, all);
            }

            return verdicts;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@"cii: schema valid, (?<fatal>\d+) fatal, (?<warnings>\d+) warnings")]
    private static partial Regex Summary();
}

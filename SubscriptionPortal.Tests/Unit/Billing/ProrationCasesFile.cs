using System.Globalization;
using System.Text;
using SubscriptionPortal.Common;
using SubscriptionPortal.Subscriptions;

namespace SubscriptionPortal.Tests.Unit.Billing;

/// <summary>
/// Reads <c>proration-cases.csv</c>, the worked cases of SPEC §4 computed independently of the code.
/// The shared file (a <c>shared/data</c> folder beside the repository) wins; the copy shipped with
/// the tests is only for machines without it.
/// </summary>
internal static class ProrationCasesFile
{
    public const string FileName = "proration-cases.csv";

    /// <summary>The columns the tests read, in the file's order; a renamed or moved column fails loudly.</summary>
    public static readonly string[] Columns =
    [
        "case", "old_offer", "old_tier", "old_commitment", "period_start", "anchor", "paid_ht", "prior_credits_ht",
        "balance_before", "change_at_utc", "change_local_date", "new_offer", "new_tier", "new_commitment", "period_end",
        "unused_days", "period_days", "credit_ht", "credit_vat", "credit_ttc", "invoice_ht", "invoice_vat", "invoice_ttc",
        "new_period_end", "due", "balance_after", "outcome",
    ];

    private static readonly Lazy<IReadOnlyList<Row>> Cached = new(() => Read(Locate()));

    public static IReadOnlyList<Row> Rows => Cached.Value;

    /// <summary>The file to read from the test binaries' folder.</summary>
    /// <exception cref="FileNotFoundException">Neither the shared file nor the copy exists: the known answers must never be skipped.</exception>
    public static string Locate() =>
        Locate(AppContext.BaseDirectory)
        ?? throw new FileNotFoundException(
            $"{FileName} was found neither in a shared/data folder above {AppContext.BaseDirectory} nor in its Unit/Billing/Data copy.", FileName);

    /// <summary>
    /// The shared file in the first <c>shared/data</c> folder met walking up from
    /// <paramref name="startDirectory"/>, else the copy under <c>Unit/Billing/Data</c>, else null.
    /// </summary>
    public static string? Locate(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            var shared = Path.Combine(directory.FullName, "shared", "data", FileName);
            if (File.Exists(shared))
            {
                return shared;
            }
        }

        var copy = Path.Combine(startDirectory, "Unit", "Billing", "Data", FileName);
        return File.Exists(copy) ? copy : null;
    }

    public static IReadOnlyList<Row> Read(string path)
    {
        var records = ParseCsv(File.ReadAllText(path, Encoding.UTF8));
        if (records.Count == 0 || !records[0].SequenceEqual(Columns))
        {
            throw new InvalidDataException($"{path}: the header is not the expected one ({string.Join(',', Columns)}).");
        }

        return records.Skip(1)
            .Where(r => !(r.Count == 1 && r[0].Length == 0))
            .Select((fields, i) => fields.Count == Columns.Length
                ? new Row(Columns.Zip(fields).ToDictionary(p => p.First, p => p.Second.Trim(), StringComparer.Ordinal))
                : throw new InvalidDataException($"{path}: line {i + 2} has {fields.Count} fields, not {Columns.Length}."))
            .ToList();
    }

    /// <summary>RFC 4180: commas, quoted fields with doubled quotes, CRLF or LF.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    record.Add(field.ToString());
                    field.Clear();
                    records.Add(record);
                    record = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        return records;
    }

    /// <summary>One worked case; amounts are integer cents, empty cells mean "none".</summary>
    public sealed class Row(IReadOnlyDictionary<string, string> cells)
    {
        public string Name => Text("case");

        public string Text(string column) => cells[column];

        public bool IsEmpty(string column) => cells[column].Length == 0;

        public long Cents(string column) => long.Parse(Required(column), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

        public int? OptionalInt(string column) =>
            IsEmpty(column) ? null : int.Parse(cells[column], NumberStyles.None, CultureInfo.InvariantCulture);

        public int Int(string column) => int.Parse(Required(column), NumberStyles.None, CultureInfo.InvariantCulture);

        public DateOnly Date(string column) => DateOnly.ParseExact(Required(column), "yyyy-MM-dd", CultureInfo.InvariantCulture);

        public DateTimeOffset Instant(string column) =>
            DateTimeOffset.ParseExact(Required(column), "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        public Commitment? OptionalCommitment(string column) => cells[column] switch
        {
            "" => null,
            "monthly" => Commitment.Monthly,
            "annual" => Commitment.Annual,
            var other => throw new InvalidDataException($"{Name}: unknown commitment '{other}' in {column}."),
        };

        private string Required(string column) =>
            IsEmpty(column) ? throw new InvalidDataException($"{Name}: {column} is empty.") : cells[column];
    }
}

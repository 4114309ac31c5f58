using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Billing;

/// <summary>
/// Takes the next number of a series inside the caller's transaction. One upsert statement
/// increments the counter row (creating it for a new year), so two issuers queue on the row's
/// write lock, and a rollback gives the number back: numbers are unique and gapless (SPEC §5).
/// The statement is the same on SQLite and PostgreSQL.
/// </summary>
internal static class DocumentNumbering
{
    public const string InvoiceSeries = "F";
    public const string CreditNoteSeries = "A";

    public static string SeriesOf(DocumentKind kind) => kind == DocumentKind.Invoice ? InvoiceSeries : CreditNoteSeries;

    /// <summary>Formats <c>F-2026-000123</c>.</summary>
    public static string Format(string series, int year, int number) => $"{series}-{year:D4}-{number:D6}";

    /// <summary>
    /// The numbers that documents of <paramref name="next"/> (the kind and year of each, in the order they are to be issued)
    /// take if nobody else issues one first: those following the last of <paramref name="issued"/> in their series and year.
    /// Null for a document whose series and year <paramref name="issued"/> does not show, since its counter is not known here.
    /// A guess, for work done ahead: the numbers themselves are only ever taken by <see cref="NextAsync(ApplicationDbContext, DocumentKind, int, int, CancellationToken)"/>.
    /// </summary>
    public static string?[] Following(IEnumerable<string> issued, IReadOnlyList<(DocumentKind Kind, int Year)> next)
    {
        var last = new Dictionary<(string Series, int Year), int>();
        foreach (var number in issued)
        {
            var parts = number.Split('-');
            var key = (parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture));
            last[key] = Math.Max(last.GetValueOrDefault(key), int.Parse(parts[2], CultureInfo.InvariantCulture));
        }

        var guessed = new string?[next.Count];
        for (var i = 0; i < next.Count; i++)
        {
            var key = (SeriesOf(next[i].Kind), next[i].Year);
            if (last.TryGetValue(key, out var number))
            {
                last[key] = ++number;
                guessed[i] = Format(key.Item1, key.Item2, number);
            }
        }

        return guessed;
    }

    // Stryker disable all : a database statement, run by the integration tests (gapless numbers on SQLite and PostgreSQL), not by the unit tests that mutation testing runs
    public static async Task<string> NextAsync(ApplicationDbContext db, DocumentKind kind, int year, CancellationToken ct = default) =>
        (await NextAsync(db, kind, year, 1, ct))[0];

    // Stryker disable all : the same statement for several numbers at once, run by the same integration tests and by the renewal batches' (a block of numbers, gapless and in order)
    /// <summary>
    /// Takes the next <paramref name="count"/> numbers at once, in order, for documents issued together: the same
    /// one statement moves the counter by <paramref name="count"/>, and a rollback gives the whole block back.
    /// </summary>
    public static async Task<IReadOnlyList<string>> NextAsync(ApplicationDbContext db, DocumentKind kind, int year, int count, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is not { } transaction)
        {
            throw new InvalidOperationException("A document number is taken inside the transaction that issues the document.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var series = SeriesOf(kind);
        // A plain command: for one integer, EF Core's raw-SQL query added its query pipeline to every number taken.
        await using var command = TransactionCommands.Create(db, transaction, """
            INSERT INTO "DocumentCounters" ("Series", "Year", "LastNumber") VALUES (@series, @year, @count)
            ON CONFLICT ("Series", "Year") DO UPDATE SET "LastNumber" = "DocumentCounters"."LastNumber" + @count
            RETURNING "LastNumber"
            """, ("series", series), ("year", year), ("count", count));
        var last = Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        return [.. Enumerable.Range(last - count + 1, count).Select(n => Format(series, year, n))];
    }
    // Stryker restore all
}

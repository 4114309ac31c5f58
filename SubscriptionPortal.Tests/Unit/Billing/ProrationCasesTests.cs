using SubscriptionPortal.Billing;
using SubscriptionPortal.Common;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Tests.Unit.Catalog;
using Xunit;

namespace SubscriptionPortal.Tests.Unit.Billing;

/// <summary>Every row of <c>proration-cases.csv</c> (SPEC §4 "Known answers"), reproduced column by column.</summary>
public sealed class ProrationCasesTests
{
    private static readonly string[] ResultColumns =
    [
        "period_end", "unused_days", "period_days", "credit_ht", "credit_vat", "credit_ttc",
        "invoice_ht", "invoice_vat", "invoice_ttc", "new_period_end", "due", "balance_after",
    ];

    private static readonly Dictionary<string, QuoteRefusalReason> RefusalOutcomes = new(StringComparer.Ordinal)
    {
        ["refused: paid to free"] = QuoteRefusalReason.PaidToFree,
        ["refused: nothing to change"] = QuoteRefusalReason.NothingToChange,
    };

    // Enumerated when tests are discovered: a missing file makes discovery of this theory fail.
    public static TheoryData<string> Cases => [.. ProrationCasesFile.Rows.Select(r => r.Name)];

    [Fact]
    public void TheFile_IsFound_AndEveryCaseHasItsOwnName()
    {
        var rows = ProrationCasesFile.Read(ProrationCasesFile.Locate());

        Assert.True(rows.Count >= 12, $"Only {rows.Count} cases were read.");
        Assert.Equal(rows.Count, rows.Select(r => r.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void EveryCase_IsReproduced()
    {
        // The same checks as the theory, in one test, so no row can drop out of a run unnoticed.
        Assert.All(ProrationCasesFile.Rows, Reproduce);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_IsReproduced(string caseName)
    {
        Reproduce(ProrationCasesFile.Rows.Single(r => r.Name == caseName));
    }

    [Fact]
    public void Locate_WithoutASharedFolder_FallsBackToTheCopyNextToTheTests()
    {
        var root = Directory.CreateTempSubdirectory("proration-cases-");
        try
        {
            var binaries = Directory.CreateDirectory(Path.Combine(root.FullName, "bin"));
            Assert.Null(ProrationCasesFile.Locate(binaries.FullName));

            var copy = Path.Combine(binaries.FullName, "Unit", "Billing", "Data", ProrationCasesFile.FileName);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.WriteAllText(copy, "");
            Assert.Equal(copy, ProrationCasesFile.Locate(binaries.FullName));

            var shared = Path.Combine(root.FullName, "shared", "data", ProrationCasesFile.FileName);
            Directory.CreateDirectory(Path.GetDirectoryName(shared)!);
            File.WriteAllText(shared, "");
            Assert.Equal(shared, ProrationCasesFile.Locate(binaries.FullName));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static void Reproduce(ProrationCasesFile.Row row)
    {
        var changeDate = PeriodMath.LocalDate(row.Instant("change_at_utc"), QuoteScenario.Paris);
        Assert.Equal(row.Date("change_local_date"), changeDate);

        var current = Current(row);
        var balance = Money.FromCents(row.Cents("balance_before"));
        var target = new QuoteTarget(TestCatalog.ByCode(row.Text("new_offer")), row.OptionalInt("new_tier"), row.OptionalCommitment("new_commitment"));

        // The file does not say how many contacts are in use; none keeps every tier open.
        var result = QuoteCalculator.Calculate(new QuoteInput(current, target, changeDate, 0, balance, TestCatalog.VatRate));

        var outcome = row.Text("outcome");
        if (outcome == "ok")
        {
            Assert.True(result.IsAllowed, $"{row.Name}: refused ({result.Refusal?.Message}).");
            AssertAllowed(row, current, balance, result.Calculation);
        }
        else
        {
            Assert.True(RefusalOutcomes.TryGetValue(outcome, out var reason), $"{row.Name}: unknown outcome '{outcome}'.");
            Assert.False(result.IsAllowed, $"{row.Name}: allowed, expected '{outcome}'.");
            Assert.Equal(reason, result.Refusal.Reason);
            Assert.All(ResultColumns, column => Assert.True(row.IsEmpty(column), $"{row.Name}: a refused case has a {column}."));
        }
    }

    private static SubscriptionSnapshot Current(ProrationCasesFile.Row row)
    {
        var offer = TestCatalog.ByCode(row.Text("old_offer"));
        if (offer.IsFree)
        {
            Assert.All(["old_tier", "old_commitment", "period_start", "anchor", "period_end"], column =>
                Assert.True(row.IsEmpty(column), $"{row.Name}: a free offer has a {column}."));
            return SubscriptionSnapshot.Free(offer);
        }

        var commitment = row.OptionalCommitment("old_commitment")
            ?? throw new InvalidDataException($"{row.Name}: a paid offer without a commitment.");
        var anchor = row.Date("anchor");
        var start = row.Date("period_start");
        var period = new BillingPeriod(start, PeriodMath.PeriodEndAfter(anchor, commitment, start));
        if (!row.IsEmpty("period_end"))
        {
            Assert.Equal(row.Date("period_end"), period.End);
        }

        var openingInvoice = new CreditableInvoice(
            "F-2026-000001", start, Money.FromCents(row.Cents("paid_ht")), TestCatalog.VatRate, Money.FromCents(row.Cents("prior_credits_ht")));
        return SubscriptionSnapshot.Paid(offer, row.Int("old_tier"), commitment, anchor, period, openingInvoice);
    }

    private static void AssertAllowed(ProrationCasesFile.Row row, SubscriptionSnapshot current, decimal balance, QuoteCalculation quote)
    {
        var credit = quote.CreditNote;
        if (row.IsEmpty("credit_ht"))
        {
            Assert.Null(credit);
            Assert.All(["unused_days", "period_days", "credit_vat", "credit_ttc"], column =>
                Assert.True(row.IsEmpty(column), $"{row.Name}: {column} without a credit note."));
        }
        else
        {
            Assert.NotNull(credit);
            Assert.Equal(row.Int("unused_days"), credit.UnusedDays);
            Assert.Equal(row.Int("period_days"), credit.PeriodDays);
            Assert.Equal(current.Period, credit.OriginalPeriod);
            AssertCents(row, "credit_ht", credit.Totals.ExcludingVat);
            AssertCents(row, "credit_vat", credit.Totals.Vat);
            AssertCents(row, "credit_ttc", credit.Totals.IncludingVat);
        }

        var invoice = quote.Invoice;
        Assert.NotNull(invoice);
        AssertCents(row, "invoice_ht", invoice.Totals.ExcludingVat);
        AssertCents(row, "invoice_vat", invoice.Totals.Vat);
        AssertCents(row, "invoice_ttc", invoice.Totals.IncludingVat);
        Assert.Equal(new BillingPeriod(quote.ChangeDate, row.Date("new_period_end")), invoice.Period);
        Assert.Equal(invoice.Period, quote.NewPeriod);

        AssertCents(row, "due", quote.AmountDue);
        AssertCents(row, "balance_after", quote.BalanceAfter);
        Assert.Equal(quote.AmountDue > 0m ? quote.ChangeDate.AddDays(3) : null, quote.CollectionDate);

        // What is owed either leaves by debit or stays as balance: nothing appears or vanishes.
        Assert.Equal(invoice.Totals.IncludingVat - (credit?.Totals.IncludingVat ?? 0m) - balance, quote.AmountDue - quote.BalanceAfter);
    }

    private static void AssertCents(ProrationCasesFile.Row row, string column, decimal actual) =>
        Assert.True(row.Cents(column) == Money.ToCents(actual), $"{row.Name}: {column} is {Money.ToCents(actual)}, expected {row.Cents(column)}.");
}

using SubscriptionPortal.Billing;

namespace SubscriptionPortal.Tests.Unit.Billing;

public sealed class DocumentNumberingTests
{
    [Theory]
    [InlineData("F", 2026, 123, "F-2026-000123")]
    [InlineData("A", 2026, 1, "A-2026-000001")]
    [InlineData("F", 2027, 999_999, "F-2027-999999")]
    public void Format_IsSeriesYearAndASixDigitNumber(string series, int year, int number, string expected)
    {
        Assert.Equal(expected, DocumentNumbering.Format(series, year, number));
    }

    [Fact]
    public void Format_PastTheSixthDigit_KeepsEveryDigit()
    {
        // A millionth document in a year widens the number rather than wrapping it to a reused one.
        Assert.Equal("F-2026-1000000", DocumentNumbering.Format("F", 2026, 1_000_000));
    }

    [Fact]
    public void SeriesOf_Invoices_IsF()
    {
        Assert.Equal("F", DocumentNumbering.SeriesOf(DocumentKind.Invoice));
    }

    [Fact]
    public void SeriesOf_CreditNotes_IsA()
    {
        Assert.Equal("A", DocumentNumbering.SeriesOf(DocumentKind.CreditNote));
    }

    [Fact]
    public void Following_TheNumbersJustIssued_ContinuesTheirSeriesInOrder()
    {
        var guessed = DocumentNumbering.Following(["F-2026-000011", "F-2026-000012"], [Invoice(2026), Invoice(2026), Invoice(2026)]);

        AssertGuessed(["F-2026-000013", "F-2026-000014", "F-2026-000015"], guessed);
    }

    [Fact]
    public void Following_NumbersListedOutOfOrder_ContinuesAfterTheHighest()
    {
        AssertGuessed(["F-2026-000015"], DocumentNumbering.Following(["F-2026-000014", "F-2026-000009", "F-2026-000012"], [Invoice(2026)]));
    }

    [Fact]
    public void Following_InvoicesAndCreditNotesMixed_ContinuesEachSeriesOnItsOwn()
    {
        var guessed = DocumentNumbering.Following(["A-2026-000003", "F-2026-000014"], [Invoice(2026), CreditNote(2026), Invoice(2026), CreditNote(2026)]);

        AssertGuessed(["F-2026-000015", "A-2026-000004", "F-2026-000016", "A-2026-000005"], guessed);
    }

    [Fact]
    public void Following_ASeriesOrYearNotIssued_IsNotGuessed()
    {
        // Its counter is unknown here: a new year's series may start at 1 or may not, another series is elsewhere.
        var guessed = DocumentNumbering.Following(["F-2026-000014"], [Invoice(2027), CreditNote(2026), Invoice(2026)]);

        AssertGuessed([null, null, "F-2026-000015"], guessed);
    }

    [Fact]
    public void Following_NothingIssued_GuessesNothing()
    {
        AssertGuessed([null, null], DocumentNumbering.Following([], [Invoice(2026), CreditNote(2026)]));
    }

    [Fact]
    public void Following_PastTheSixthDigit_ReadsAndWritesEveryDigit()
    {
        AssertGuessed(["F-2026-1000000", "F-2026-1000001"], DocumentNumbering.Following(["F-2026-999999"], [Invoice(2026), Invoice(2026)]));
        AssertGuessed(["F-2026-1000001"], DocumentNumbering.Following(["F-2026-1000000", "F-2026-999999"], [Invoice(2026)]));
    }

    [Fact]
    public void Following_AYearAlsoIssuedInAnotherSeries_KeepsTheYearsApart()
    {
        var guessed = DocumentNumbering.Following(["F-2025-000400", "F-2026-000002"], [Invoice(2026), Invoice(2025)]);

        AssertGuessed(["F-2026-000003", "F-2025-000401"], guessed);
    }

    private static void AssertGuessed(string?[] expected, string?[] guessed) => Assert.Equal<IEnumerable<string?>>(expected, guessed);

    private static (DocumentKind, int) Invoice(int year) => (DocumentKind.Invoice, year);

    private static (DocumentKind, int) CreditNote(int year) => (DocumentKind.CreditNote, year);
}

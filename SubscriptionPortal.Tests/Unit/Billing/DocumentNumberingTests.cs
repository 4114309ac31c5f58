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
}

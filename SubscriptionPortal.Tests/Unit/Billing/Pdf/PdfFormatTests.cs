using SubscriptionPortal.Billing.Pdf;
using SubscriptionPortal.Common;
using Xunit;

namespace SubscriptionPortal.Tests.Unit.Billing.Pdf;

public sealed class PdfFormatTests
{
    [Theory]
    [InlineData("0", "0.00 €")]
    [InlineData("8", "8.00 €")]
    [InlineData("27.1", "27.10 €")]
    [InlineData("1440", "1 440.00 €")]
    [InlineData("1234567.89", "1 234 567.89 €")]
    public void Money_IsGroupedByThousands_WithTwoDecimalsAndTheEuroSign(string amount, string expected)
    {
        var formatted = PdfFormat.Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));

        // No-break spaces, so an amount never splits across two lines.
        Assert.Equal(expected, formatted.Replace('\u00A0', ' '));
        Assert.DoesNotContain(' ', formatted);
    }

    [Fact]
    public void Period_PrintsTheLastDayCovered_SinceTheEndIsExclusive()
    {
        var period = new BillingPeriod(new DateOnly(2026, 1, 31), new DateOnly(2026, 2, 28));

        Assert.Equal("31/01/2026 – 27/02/2026", PdfFormat.Period(period));
    }

    [Fact]
    public void Date_IsDayMonthYear_WhateverTheServerCulture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("en-US");
        try
        {
            Assert.Equal("05/03/2026", PdfFormat.Date(new DateOnly(2026, 3, 5)));
            Assert.Equal("1 234.50 €", PdfFormat.Money(1234.5m).Replace('\u00A0', ' '));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("20", "20 %")]
    [InlineData("5.5", "5.5 %")]
    public void Percent_DropsTrailingZeros(string rate, string expected)
    {
        var formatted = PdfFormat.Percent(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, formatted.Replace('\u00A0', ' '));
    }
}

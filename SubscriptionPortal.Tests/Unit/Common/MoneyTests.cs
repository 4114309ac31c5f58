using System.Globalization;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Common;
using Xunit;

namespace SubscriptionPortal.Tests.Unit.Common;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("0.005", "0.01")]
    [InlineData("0.015", "0.02")]
    [InlineData("0.125", "0.13")]
    [InlineData("2.345", "2.35")]
    [InlineData("20.005", "20.01")]
    [InlineData("-2.345", "-2.35")]
    [InlineData("1.0049999", "1.00")]
    [InlineData("1.004", "1.00")]
    [InlineData("1.006", "1.01")]
    public void Round_AtExactlyHalfACent_GoesAwayFromZero(string amount, string expected)
    {
        Assert.Equal(Parse(expected), Money.Round(Parse(amount)));
    }

    [Fact]
    public void Round_DiffersFromBankersRounding_OnAnEvenCent()
    {
        // Banker's rounding would give 0.12: the explicit mode matters.
        Assert.Equal(0.12m, decimal.Round(0.125m, 2));
        Assert.Equal(0.13m, Money.Round(0.125m));
    }

    [Theory]
    [InlineData("40.00", 4000)]
    [InlineData("0.01", 1)]
    [InlineData("1254.58", 125458)]
    [InlineData("0", 0)]
    [InlineData("-32.52", -3252)]
    public void ToCents_AndBack_KeepsTheAmount(string euros, long cents)
    {
        Assert.Equal(cents, Money.ToCents(Parse(euros)));
        Assert.Equal(Parse(euros), Money.FromCents(cents));
    }

    [Fact]
    public void FromCents_HasTwoDecimals()
    {
        Assert.Equal("40.00", Money.FromCents(4000).ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ToCents_OfAFractionOfACent_IsABug()
    {
        Assert.Throws<ArgumentException>(() => Money.ToCents(27.096m));
    }

    private static decimal Parse(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);
}

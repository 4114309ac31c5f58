using SubscriptionPortal.Payments.Dunning;

namespace SubscriptionPortal.Tests.Unit.Payments.Dunning;

public sealed class WriteOffAmountsTests
{
    [Theory]
    [InlineData("48.00", "40.00", "8.00")]
    [InlineData("0.03", "0.03", "0.00")]
    [InlineData("10.01", "8.34", "1.67")]
    [InlineData("1728.00", "1440.00", "288.00")]
    public void Split_At20Percent_GivesExcludingVatAndVatThatAddUpToTheUnpaidAmount(string ttc, string excludingVat, string vat)
    {
        var split = WriteOffAmounts.Split(decimal.Parse(ttc, System.Globalization.CultureInfo.InvariantCulture), 0.20m);

        Assert.Equal((decimal.Parse(excludingVat, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(vat, System.Globalization.CultureInfo.InvariantCulture)),
            (split.ExcludingVat, split.Vat));
        Assert.Equal(split.IncludingVat, split.ExcludingVat + split.Vat);
    }

    [Fact]
    public void Split_RefusesFractionsOfACentAndRatesOutOfRange()
    {
        Assert.ThrowsAny<ArgumentException>(() => WriteOffAmounts.Split(1.005m, 0.20m));
        Assert.ThrowsAny<ArgumentException>(() => WriteOffAmounts.Split(10m, 1m));
        Assert.ThrowsAny<ArgumentException>(() => WriteOffAmounts.Split(10m, -0.1m));
    }

    [Fact]
    public void Split_AtZeroPercent_IsAllExcludingVat()
    {
        Assert.Equal((48.00m, 0.00m, 48.00m), WriteOffAmounts.Split(48.00m, 0m));
    }

    [Fact]
    public void Split_AtTheHighestRateAllowed_StillAddsUp()
    {
        var split = WriteOffAmounts.Split(10.00m, 0.99m);

        Assert.Equal((5.03m, 4.97m, 10.00m), split);
    }

    [Fact]
    public void Split_NothingUnpaid_IsAllZero()
    {
        Assert.Equal((0m, 0m, 0m), WriteOffAmounts.Split(0m, 0.20m));
    }

    [Fact]
    public void Split_RefusesANegativeAmountAndNamesTheRate()
    {
        Assert.ThrowsAny<ArgumentException>(() => WriteOffAmounts.Split(-1.00m, 0.20m));
        Assert.Equal("vatRate", Assert.Throws<ArgumentOutOfRangeException>(() => WriteOffAmounts.Split(10m, 1m)).ParamName);
    }
}

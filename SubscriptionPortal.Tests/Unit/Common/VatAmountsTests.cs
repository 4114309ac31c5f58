using SubscriptionPortal.Billing;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Tests.Unit.Catalog;
using Xunit;

namespace SubscriptionPortal.Tests.Unit.Common;

public sealed class VatAmountsTests
{
    public static TheoryData<string, int, Commitment, long, long> CatalogPrices => new()
    {
        { "serenity", 50, Commitment.Monthly, 2000, 400 },
        { "serenity", 50, Commitment.Annual, 19200, 3840 },
        { "serenity", 250, Commitment.Monthly, 4000, 800 },
        { "serenity", 500, Commitment.Annual, 57600, 11520 },
        { "serenity", 1000, Commitment.Monthly, 9000, 1800 },
        { "serenity", 1000, Commitment.Annual, 86400, 17280 },
        { "serenity", 5000, Commitment.Annual, 240000, 48000 },
        { "professional", 250, Commitment.Monthly, 7500, 1500 },
        { "professional", 1000, Commitment.Annual, 144000, 28800 },
        { "professional", 2500, Commitment.Annual, 216000, 43200 },
        { "professional", 5000, Commitment.Monthly, 35000, 7000 },
    };

    [Theory]
    [MemberData(nameof(CatalogPrices))]
    public void CatalogPrice_ExcludingVatPlusVat_IsIncludingVat_ToTheCent(string offer, int tier, Commitment commitment, long htCents, long vatCents)
    {
        var excludingVat = OfferPricing.PriceExcludingVat(TestCatalog.ByCode(offer).FindTier(tier)!, commitment);

        var amounts = VatAmounts.FromExcludingVat(excludingVat, TestCatalog.VatRate);

        Assert.Equal(htCents, Money.ToCents(amounts.ExcludingVat));
        Assert.Equal(vatCents, Money.ToCents(amounts.Vat));
        Assert.Equal(htCents + vatCents, Money.ToCents(amounts.IncludingVat));
        Assert.Equal(amounts.ExcludingVat + amounts.Vat, amounts.IncludingVat);
    }

    [Fact]
    public void Vat_AtExactlyHalfACent_IsRoundedAwayFromZero()
    {
        // 1.25 × 19.6 % = 0.245 exactly.
        var amounts = VatAmounts.FromExcludingVat(1.25m, 0.196m);

        Assert.Equal(0.25m, amounts.Vat);
        Assert.Equal(1.50m, amounts.IncludingVat);
    }

    [Fact]
    public void Vat_IsRoundedOnceOnTheTotal()
    {
        var amounts = VatAmounts.FromExcludingVat(27.10m, 0.196m);

        Assert.Equal(5.31m, amounts.Vat);
        Assert.Equal(32.41m, amounts.IncludingVat);
    }

    [Fact]
    public void ANegativeTotal_IsABug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VatAmounts.FromExcludingVat(-0.01m, 0.20m));
    }

    [Fact]
    public void AnUnroundedTotal_IsABug()
    {
        Assert.Throws<ArgumentException>(() => VatAmounts.FromExcludingVat(27.096m, 0.20m));
    }

    [Fact]
    public void ARateGivenAsAPercentage_IsABug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VatAmounts.FromExcludingVat(40m, 20m));
    }

    [Fact]
    public void ZeroRate_IsAllowed_AndAddsNoVat()
    {
        var amounts = VatAmounts.FromExcludingVat(40.00m, 0m);

        Assert.Equal((40.00m, 0m, 0m, 40.00m), (amounts.ExcludingVat, amounts.VatRate, amounts.Vat, amounts.IncludingVat));
    }

    [Fact]
    public void NegativeRate_IsABug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VatAmounts.FromExcludingVat(40.00m, -0.01m));
    }

    [Fact]
    public void RateOfExactlyOne_IsABug_AsAPercentageMistyped()
    {
        // 1.00 would double the price: the rate is a fraction strictly below one.
        Assert.Throws<ArgumentOutOfRangeException>(() => VatAmounts.FromExcludingVat(40.00m, 1.00m));
    }

    [Fact]
    public void RateJustBelowOne_IsAllowed()
    {
        Assert.Equal(39.60m, VatAmounts.FromExcludingVat(40.00m, 0.99m).Vat);
    }

    [Fact]
    public void ZeroTotal_IsAllowed()
    {
        Assert.Equal(0m, VatAmounts.FromExcludingVat(0m, 0.20m).IncludingVat);
    }

    [Fact]
    public void FromSplit_KeepsTheAmountsAsGiven_AndAddsThemUp()
    {
        var split = VatAmounts.FromSplit(40.01m, 0.20m, 7.99m);

        Assert.Equal((40.01m, 0.20m, 7.99m, 48.00m), (split.ExcludingVat, split.VatRate, split.Vat, split.IncludingVat));
    }

    [Theory]
    [InlineData("-0.01", "8.00", "excludingVat")]
    [InlineData("40.00", "-0.01", "vat")]
    public void FromSplit_NegativeAmount_IsABugNamingIt(string excludingVat, string vat, string parameter)
    {
        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => VatAmounts.FromSplit(
            decimal.Parse(excludingVat, System.Globalization.CultureInfo.InvariantCulture), 0.20m,
            decimal.Parse(vat, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(parameter, thrown.ParamName);
    }

    [Theory]
    [InlineData("40.005", "8.00", "excludingVat")]
    [InlineData("40.00", "8.001", "vat")]
    public void FromSplit_FractionOfACent_IsABugNamingIt(string excludingVat, string vat, string parameter)
    {
        var thrown = Assert.ThrowsAny<ArgumentException>(() => VatAmounts.FromSplit(
            decimal.Parse(excludingVat, System.Globalization.CultureInfo.InvariantCulture), 0.20m,
            decimal.Parse(vat, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(parameter, thrown.ParamName);
    }
}

using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Subscriptions;
using Xunit;

namespace SubscriptionPortal.Tests.Unit.Catalog;

public sealed class OfferPricingTests
{
    [Theory]
    [InlineData("serenity", 50, "192.00")]
    [InlineData("serenity", 250, "384.00")]
    [InlineData("serenity", 500, "576.00")]
    [InlineData("serenity", 1000, "864.00")]
    [InlineData("serenity", 2500, "1440.00")]
    [InlineData("serenity", 5000, "2400.00")]
    [InlineData("professional", 50, "432.00")]
    [InlineData("professional", 250, "720.00")]
    [InlineData("professional", 500, "1008.00")]
    [InlineData("professional", 1000, "1440.00")]
    [InlineData("professional", 2500, "2160.00")]
    [InlineData("professional", 5000, "3360.00")]
    public void AnnualPrice_IsTwelveMonthsLessTwentyPercent_ExactToTheCent(string offer, int tier, string expected)
    {
        var price = TestCatalog.ByCode(offer).FindTier(tier)!;

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), OfferPricing.PriceExcludingVat(price, Commitment.Annual));
    }

    [Fact]
    public void AnnualPrice_OfAnOddMonthlyPrice_IsRoundedHalfAwayFromZero()
    {
        // 10.01 × 12 × 0.8 = 96.096 → 96.10; 10.02 × 9.6 = 96.192 → 96.19.
        Assert.Equal(96.10m, OfferPricing.AnnualExcludingVat(10.01m));
        Assert.Equal(96.19m, OfferPricing.AnnualExcludingVat(10.02m));
    }

    [Fact]
    public void MonthlyPrice_IsTheTiersPrice()
    {
        Assert.Equal(75.00m, OfferPricing.PriceExcludingVat(TestCatalog.Professional.FindTier(250)!, Commitment.Monthly));
    }

    [Fact]
    public void FindTier_OfASizeTheOfferDoesNotSell_IsNull()
    {
        Assert.Null(TestCatalog.Serenity.FindTier(300));
        Assert.Null(TestCatalog.Liberty.FindTier(50));
    }

    [Theory]
    [InlineData(250, Commitment.Monthly, "Professional — up to 250 contacts — monthly")]
    [InlineData(1000, Commitment.Annual, "Professional — up to 1,000 contacts — annual")]
    public void Describe_NamesOfferTierAndCommitment(int tier, Commitment commitment, string expected)
    {
        Assert.Equal(expected, TestCatalog.Professional.Describe(tier, commitment));
    }
}

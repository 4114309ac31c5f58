using SubscriptionPortal.Payments;

namespace SubscriptionPortal.Tests.Unit.Payments;

public sealed class SepaReturnReasonTests
{
    [Fact]
    public void Find_InsufficientFunds_CanBePresentedAgainOnTheSameMandate()
    {
        var reason = SepaReturnReason.Find(" am04 ");

        Assert.Equal(("AM04", false), (reason!.Code, reason.NeedsNewMandate));
    }

    [Theory]
    [InlineData("AC04")]
    [InlineData("MD01")]
    [InlineData("AC01")]
    public void Find_AnUnusableAccountOrMandate_NeedsANewMandate(string code)
    {
        Assert.True(SepaReturnReason.Find(code)!.NeedsNewMandate);
    }

    [Fact]
    public void Find_AWellFormedCodeNotInTheList_StillGivesAReason()
    {
        var reason = SepaReturnReason.Find("RR04");

        Assert.Equal("RR04", reason!.Code);
        Assert.Contains("RR04", reason.Description);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("AM4")]
    [InlineData("AM04X")]
    [InlineData("AM-4")]
    public void Find_AMalformedCode_IsNull(string? code)
    {
        Assert.Null(SepaReturnReason.Find(code));
    }

    [Fact]
    public void Known_CodesAreUnique()
    {
        Assert.Equal(SepaReturnReason.Known.Count, SepaReturnReason.Known.Select(r => r.Code).Distinct().Count());
    }
}

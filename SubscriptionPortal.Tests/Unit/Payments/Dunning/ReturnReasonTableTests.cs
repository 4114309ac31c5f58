using SubscriptionPortal.Payments;
using SubscriptionPortal.Payments.Dunning;

namespace SubscriptionPortal.Tests.Unit.Payments.Dunning;

public sealed class ReturnReasonTableTests
{
    [Theory]
    [InlineData("AM04")]
    [InlineData("MS03")]
    public void Rows_InsufficientFundsAndUnexplainedRefusals_AreTemporary(string code)
    {
        Assert.Equal(ReasonKind.Temporary, ReturnReasonTable.Rows.Single(r => r.Code == code).Kind);
    }

    [Theory]
    [InlineData("MD01")]
    [InlineData("AC04")]
    [InlineData("AC06")]
    [InlineData("MD07")]
    [InlineData("AC01")]
    public void Rows_UnusableAccountsAndMandates_AreFinal(string code)
    {
        Assert.Equal(ReasonKind.Final, ReturnReasonTable.Rows.Single(r => r.Code == code).Kind);
    }

    [Fact]
    public void Rows_EachHaveFourCharactersAndPlainWords_AndAppearOnce()
    {
        Assert.All(ReturnReasonTable.Rows, r =>
        {
            Assert.Matches("^[A-Z0-9]{4}$", r.Code);
            Assert.False(string.IsNullOrWhiteSpace(r.English.WhatHappened));
            Assert.False(string.IsNullOrWhiteSpace(r.English.WhatToDo));
        });
        Assert.Equal(ReturnReasonTable.Rows.Count, ReturnReasonTable.Rows.Select(r => r.Code).Distinct().Count());
    }

    [Fact]
    public void SepaReturnReason_ReadsItsWordsAndKindFromTheTable()
    {
        var row = ReturnReasonTable.Rows.Single(r => r.Code == "AC04");
        var reason = SepaReturnReason.Find("ac04")!;

        Assert.Equal((row.English.WhatHappened, row.English.WhatToDo, ReasonKind.Final, true),
            (reason.Description, reason.WhatToDo, reason.Kind, reason.NeedsNewMandate));
        Assert.Equal(ReturnReasonTable.Rows.Select(r => r.Code), SepaReturnReason.Known.Select(r => r.Code));
    }

    [Fact]
    public void Unlisted_IsTemporaryAndNamesTheCode()
    {
        var row = ReturnReasonTable.Unlisted("RR04");

        Assert.Equal(ReasonKind.Temporary, row.Kind);
        Assert.Contains("RR04", row.English.WhatHappened);
    }
}

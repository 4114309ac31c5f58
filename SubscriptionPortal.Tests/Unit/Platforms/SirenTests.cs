using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Tests.Unit.Platforms;

public sealed class SirenTests
{
    [Theory]
    [InlineData("732829320")]
    [InlineData("552100554")]
    [InlineData("356000000")]
    public void Siren_WithValidCheckDigit_IsAccepted(string siren)
    {
        var result = Siren.Validate(siren);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(siren, result.Value);
    }

    [Theory]
    [InlineData("732 829 320")]
    [InlineData(" 732829320 ")]
    [InlineData("732\u00A0829\u00A0320")]
    public void Siren_TypedWithSpaces_IsNormalised(string typed)
    {
        Assert.Equal("732829320", Siren.Validate(typed).Value);
    }

    [Theory]
    [InlineData("73282932")]
    [InlineData("7328293200")]
    [InlineData("73282932A")]
    [InlineData("732-829-320")]
    [InlineData("")]
    [InlineData(null)]
    public void Siren_NotNineDigits_IsRejected(string? typed)
    {
        var result = Siren.Validate(typed);

        Assert.False(result.IsValid);
        Assert.Equal("A SIREN has 9 digits", result.Error);
    }

    [Theory]
    [InlineData("732829321")]
    [InlineData("552100555")]
    [InlineData("723829320")] // two digits swapped
    public void Siren_WithWrongCheckDigit_IsRejectedWithAMessage(string typed)
    {
        var result = Siren.Validate(typed);

        Assert.False(result.IsValid);
        Assert.Equal("This SIREN fails its check digit — please check for a typo", result.Error);
    }

    [Fact]
    public void Format_GroupsByThree()
    {
        Assert.Equal("732 829 320", Siren.Format("732829320"));
    }
}

using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Tests.Unit.Platforms;

public sealed class FrenchVatNumberTests
{
    [Theory]
    [InlineData("FR44732829320")]
    [InlineData("FR96552100554")]
    [InlineData("FR68900000001")]
    public void VatNumber_WithTheKeyOfItsSiren_IsAccepted(string vatNumber)
    {
        var result = FrenchVatNumber.Validate(vatNumber);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(vatNumber, result.Value);
    }

    [Theory]
    [InlineData("FR 44 732 829 320")]
    [InlineData("fr44732829320")]
    [InlineData(" FR44\u00A0732829320 ")]
    public void VatNumber_TypedWithSpacesOrLowerCase_IsNormalised(string typed)
    {
        Assert.Equal("FR44732829320", FrenchVatNumber.Validate(typed).Value);
    }

    [Fact]
    public void Key_OfASiren_IsTwelvePlusThreeTimesTheSirenModulo97_Modulo97()
    {
        // 732829320 mod 97 = 43, and (12 + 3 × 43) mod 97 = 141 mod 97 = 44.
        Assert.Equal(44, FrenchVatNumber.Key("732829320"));
        Assert.Equal(68, FrenchVatNumber.Key("900000001"));
    }

    [Theory]
    [InlineData("FR45732829320", "key does not match")]
    [InlineData("FR44732829321", "check digit")]
    [InlineData("DE44732829320", "FR, a 2-digit key")]
    [InlineData("FR4473282932", "FR, a 2-digit key")]
    [InlineData("FR447328293200", "FR, a 2-digit key")]
    [InlineData("FRAB732829320", "FR, a 2-digit key")]
    [InlineData("", "FR, a 2-digit key")]
    public void VatNumber_Wrong_IsRefusedWithAMessage(string typed, string message)
    {
        var result = FrenchVatNumber.Validate(typed);

        Assert.False(result.IsValid);
        Assert.Contains(message, result.Error);
    }
}

using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Tests.Unit.Platforms;

public sealed class RnaTests
{
    [Theory]
    [InlineData("W751234567", "W751234567")]
    [InlineData("w751234567", "W751234567")]
    [InlineData("W 751 234 567", "W751234567")]
    [InlineData("W000000000", "W000000000")]
    public void Rna_WAndNineDigits_IsAcceptedNormalised(string typed, string expected)
    {
        var result = Rna.Validate(typed);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("751234567")]
    [InlineData("W75123456")]
    [InlineData("W7512345678")]
    [InlineData("X751234567")]
    [InlineData("W75123456A")]
    [InlineData("")]
    public void Rna_Malformed_IsRefusedWithAMessage(string typed)
    {
        var result = Rna.Validate(typed);

        Assert.False(result.IsValid);
        Assert.Equal("An RNA number is W followed by 9 digits, such as W751234567", result.Error);
    }
}

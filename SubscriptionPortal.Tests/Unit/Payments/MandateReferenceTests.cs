using SubscriptionPortal.Payments;

namespace SubscriptionPortal.Tests.Unit.Payments;

public sealed class MandateReferenceTests
{
    [Fact]
    public void Create_WritesPlatformSignatureDateAndSequence()
    {
        Assert.Equal("SP-000042-20260115-1", MandateReference.Create(42, new DateOnly(2026, 1, 15), 1));
        Assert.Equal("SP-123456-20261231-12", MandateReference.Create(123456, new DateOnly(2026, 12, 31), 12));
    }

    [Fact]
    public void Create_WithTheLargestIds_StaysWithin35Characters()
    {
        var reference = MandateReference.Create(int.MaxValue, new DateOnly(9999, 12, 31), int.MaxValue);

        Assert.True(reference.Length <= MandateReference.MaxLength, reference);
        Assert.True(MandateReference.Validate(reference).IsValid);
    }

    [Fact]
    public void Create_ProducesAReferenceThatPassesValidation()
    {
        var reference = MandateReference.Create(7, new DateOnly(2026, 2, 28), 3);

        var result = MandateReference.Validate(reference);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(reference, result.Value);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-1, 1)]
    [InlineData(1, 0)]
    public void Create_WithNonPositiveIds_IsABug(int platformId, int sequence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MandateReference.Create(platformId, new DateOnly(2026, 1, 1), sequence));
    }

    [Theory]
    [InlineData("RUM-2024/0001")]
    [InlineData("ABC 123 (old system)")]
    [InlineData("a?b:c.d,e'f+g")]
    [InlineData("12345678901234567890123456789012345")]
    public void Validate_ReferenceInTheSepaCharacterSet_IsAccepted(string reference)
    {
        var result = MandateReference.Validate(reference);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(reference, result.Value);
    }

    [Fact]
    public void Validate_SurroundingSpaces_AreIgnored()
    {
        Assert.Equal("SP-000001-20260101-1", MandateReference.Validate("  SP-000001-20260101-1 ").Value);
    }

    [Theory]
    [InlineData("123456789012345678901234567890123456", "more than 35 characters")]
    [InlineData("RUM-É-1", "'É'")]
    [InlineData("RUM_1", "'_'")]
    [InlineData("/RUM1", "'/'")]
    [InlineData("RUM1/", "'/'")]
    [InlineData("RUM//1", "'//'")]
    [InlineData("", "Enter a mandate reference")]
    [InlineData(null, "Enter a mandate reference")]
    public void Validate_ReferenceBreakingSepaRules_IsRejectedSayingWhy(string? reference, string expectedInMessage)
    {
        var result = MandateReference.Validate(reference);

        Assert.False(result.IsValid);
        Assert.Contains(expectedInMessage, result.Error);
    }
}

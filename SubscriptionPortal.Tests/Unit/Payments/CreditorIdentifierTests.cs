using SubscriptionPortal.Payments;

namespace SubscriptionPortal.Tests.Unit.Payments;

public sealed class CreditorIdentifierTests
{
    [Theory]
    [InlineData("FR72ZZZ123456")]
    [InlineData("DE98ZZZ09999999999")]
    [InlineData("ES97000B12345678")]
    public void CreditorIdentifier_WithRightCheckDigits_IsAccepted(string id)
    {
        var result = CreditorIdentifier.Validate(id);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(id, result.Value);
    }

    [Fact]
    public void CreditorIdentifier_TypedWithSpacesAndLowerCase_IsNormalised()
    {
        var result = CreditorIdentifier.Validate(" fr72 zzz 123456 ");

        Assert.True(result.IsValid, result.Error);
        Assert.Equal("FR72ZZZ123456", result.Value);
    }

    [Fact]
    public void CreditorIdentifier_BusinessCode_IsNotPartOfTheCheck()
    {
        // Creditors may change the 3-character business code freely; the check digits stay the same.
        Assert.True(CreditorIdentifier.Validate("FR72ABC123456").IsValid);
        Assert.True(CreditorIdentifier.Validate("DE98001 09999999999").IsValid);
    }

    [Theory]
    [InlineData("FR12ZZZ123456")]
    [InlineData("FR72ZZZ123465")]
    [InlineData("DE99ZZZ09999999999")]
    [InlineData("ES98000B12345678")]
    public void CreditorIdentifier_WithWrongCheckDigits_IsRejectedWithAMessage(string id)
    {
        var result = CreditorIdentifier.Validate(id);

        Assert.False(result.IsValid);
        Assert.Equal("Creditor identifier check digits are wrong — please check for a typo", result.Error);
    }

    [Fact]
    public void CreditorIdentifier_FrenchOfTheWrongLength_IsRejectedWithAnExample()
    {
        var result = CreditorIdentifier.Validate("FR72ZZZ12345");

        Assert.False(result.IsValid);
        Assert.Equal("FR creditor identifiers have 13 characters, such as FR72ZZZ123456; this one has 12", result.Error);
    }

    [Fact]
    public void CreditorIdentifier_WithUnknownCountry_IsRejected()
    {
        var result = CreditorIdentifier.Validate("XX72ZZZ123456");

        Assert.False(result.IsValid);
        Assert.Equal("Unknown country code 'XX'", result.Error);
    }

    [Fact]
    public void CreditorIdentifier_FromOutsideSepa_IsRejected()
    {
        var result = CreditorIdentifier.Validate("BR72ZZZ123456");

        Assert.False(result.IsValid);
        Assert.Equal("Brazil (BR) is outside the SEPA direct-debit area", result.Error);
    }

    [Theory]
    [InlineData("FRXXZZZ123456", "check digits")]
    [InlineData("72FRZZZ123456", "country code")]
    [InlineData("FR72ZZZ-23456", "'-'")]
    [InlineData("", "Enter")]
    [InlineData(null, "Enter")]
    public void CreditorIdentifier_Malformed_IsRejectedSayingWhatIsWrong(string? id, string expectedInMessage)
    {
        var result = CreditorIdentifier.Validate(id);

        Assert.False(result.IsValid);
        Assert.Contains(expectedInMessage, result.Error);
    }

    [Fact]
    public void CreditorIdentifier_WithoutNationalIdentifier_IsRejected()
    {
        var result = CreditorIdentifier.Validate("IT12ZZZ");

        Assert.False(result.IsValid);
        Assert.Contains("national identifier", result.Error);
    }

    [Theory]
    [InlineData("FR02ZZZ100078")]
    [InlineData("FR05ZZZ100024")]
    [InlineData("FR09ZZZ100049")]
    public void CreditorIdentifier_WithCheckDigitsBelowTen_KeepsTheLeadingZero(string id)
    {
        Assert.True(CreditorIdentifier.Validate(id).IsValid, CreditorIdentifier.Validate(id).Error);
        Assert.False(CreditorIdentifier.Validate(id.Remove(2, 1)).IsValid);
    }

    [Fact]
    public void CreditorIdentifier_OfExactly35Characters_IsAccepted()
    {
        var id = "IT58ZZZ" + new string('1', 28);

        var result = CreditorIdentifier.Validate(id);

        Assert.Equal(35, id.Length);
        Assert.True(result.IsValid, result.Error);
    }

    [Fact]
    public void CreditorIdentifier_Of36Characters_IsRejectedNamingTheLimit()
    {
        // Right check digits, one character too many.
        var result = CreditorIdentifier.Validate("IT69ZZZ" + new string('1', 29));

        Assert.False(result.IsValid);
        Assert.Equal("A creditor identifier has at most 35 characters", result.Error);
    }

    [Fact]
    public void CreditorIdentifier_WithAOneCharacterNationalIdentifier_IsAccepted()
    {
        var result = CreditorIdentifier.Validate("IT16ZZZ1");

        Assert.True(result.IsValid, result.Error);
    }

    [Theory]
    [InlineData("DE98ZZZ0999999999", "DE creditor identifiers have 18 characters, such as DE98ZZZ09999999999; this one has 17")]
    [InlineData("ES97000B1234567", "ES creditor identifiers have 16 characters, such as ES97000B12345678; this one has 15")]
    public void CreditorIdentifier_GermanOrSpanishOfTheWrongLength_IsRejectedWithAnExample(string id, string expected)
    {
        Assert.Equal(expected, CreditorIdentifier.Validate(id).Error);
    }

    [Theory]
    [InlineData("F", "A creditor identifier starts with a two-letter country code, such as FR")]
    [InlineData("F172ZZZ123456", "A creditor identifier starts with a two-letter country code, such as FR")]
    [InlineData("1R72ZZZ123456", "A creditor identifier starts with a two-letter country code, such as FR")]
    [InlineData("FR", "The 3rd and 4th characters of a creditor identifier are its check digits and must be digits")]
    [InlineData("FR7", "The 3rd and 4th characters of a creditor identifier are its check digits and must be digits")]
    [InlineData("FR7XZZZ123456", "The 3rd and 4th characters of a creditor identifier are its check digits and must be digits")]
    [InlineData("FRX2ZZZ123456", "The 3rd and 4th characters of a creditor identifier are its check digits and must be digits")]
    [InlineData("IT12", "A creditor identifier is a country code, 2 check digits, a 3-character business code and a national identifier, such as FR72ZZZ123456")]
    public void CreditorIdentifier_CutShortOrMisplaced_SaysWhatIsWrong(string id, string expected)
    {
        Assert.Equal(expected, CreditorIdentifier.Validate(id).Error);
    }
}

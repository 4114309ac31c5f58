using SubscriptionPortal.Payments;

namespace SubscriptionPortal.Tests.Unit.Payments;

public sealed class IbanTests
{
    [Theory]
    [InlineData("FR7630006000011234567890189")]
    [InlineData("FR1420041010050500013M02606")]
    [InlineData("DE89370400440532013000")]
    [InlineData("BE68539007547034")]
    [InlineData("ES9121000418450200051332")]
    [InlineData("IT60X0542811101000000123456")]
    [InlineData("NL91ABNA0417164300")]
    [InlineData("GB29NWBK60161331926819")]
    [InlineData("CH9300762011623852957")]
    [InlineData("MC5811222000010123456789030")]
    [InlineData("AT611904300234573201")]
    [InlineData("LU280019400644750000")]
    [InlineData("PT50000201231234567890154")]
    [InlineData("MT84MALT011000012345MTLCAST001S")]
    [InlineData("NO9386011117947")]
    [InlineData("SM86U0322509800000000270100")]
    public void Iban_OfASepaCountry_IsAcceptedAsIs(string iban)
    {
        var result = Iban.Validate(iban);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(iban, result.Value);
    }

    [Theory]
    [InlineData("FR76 3000 6000 0112 3456 7890 189")]
    [InlineData("fr76 3000 6000 0112 3456 7890 189")]
    [InlineData("  Fr7630006000011234567890189  ")]
    [InlineData("FR76\u00A03000\u00A06000\u00A00112\u00A03456\u00A07890\u00A0189")]
    [InlineData("FR76-3000-6000-0112-3456-7890-189")]
    public void Iban_WithSpacesOrLowerCase_IsAcceptedAndNormalised(string typed)
    {
        var result = Iban.Validate(typed);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal("FR7630006000011234567890189", result.Value);
    }

    [Fact]
    public void Iban_OneCharacterShort_IsRejectedNamingTheCountrysLength()
    {
        var result = Iban.Validate("FR76 3000 6000 0112 3456 7890 18");

        Assert.False(result.IsValid);
        Assert.Equal("IBAN is too short for France (FR IBANs have 27 characters)", result.Error);
    }

    [Fact]
    public void Iban_OneCharacterLong_IsRejectedNamingTheCountrysLength()
    {
        var result = Iban.Validate("DE89 3704 0044 0532 0130 000");

        Assert.False(result.IsValid);
        Assert.Equal("IBAN is too long for Germany (DE IBANs have 22 characters)", result.Error);
    }

    [Fact]
    public void Iban_WithTheLengthOfAnotherCountry_IsRejected()
    {
        // A valid Belgian length under the Dutch country code.
        var result = Iban.Validate("NL68539007547034");

        Assert.False(result.IsValid);
        Assert.Equal("IBAN is too short for the Netherlands (NL IBANs have 18 characters)", result.Error);
    }

    [Fact]
    public void Iban_WithUnknownCountryCode_IsRejectedNamingTheCode()
    {
        var result = Iban.Validate("XX12 3456 7890 1234");

        Assert.False(result.IsValid);
        Assert.Equal("Unknown country code 'XX'", result.Error);
    }

    [Fact]
    public void Iban_FromOutsideSepa_IsRejectedEvenWhenWellFormed()
    {
        var result = Iban.Validate("BR18 0036 0305 0000 1000 9795 493C 1");

        Assert.False(result.IsValid);
        Assert.Contains("Brazil", result.Error);
        Assert.Contains("SEPA", result.Error);
    }

    [Theory]
    [InlineData("1R76 3000 6000 0112 3456 7890 189")]
    [InlineData("7630006000011234567890189")]
    public void Iban_WithDigitsWhereTheCountryCodeGoes_IsRejected(string typed)
    {
        var result = Iban.Validate(typed);

        Assert.False(result.IsValid);
        Assert.Equal("An IBAN starts with a two-letter country code, such as FR", result.Error);
    }

    [Theory]
    [InlineData("FRA6 3000 6000 0112 3456 7890 189")]
    [InlineData("FR7O 3000 6000 0112 3456 7890 189")]
    public void Iban_WithLettersInTheCheckDigits_IsRejected(string typed)
    {
        var result = Iban.Validate(typed);

        Assert.False(result.IsValid);
        Assert.Contains("check digits and must be digits", result.Error);
    }

    [Fact]
    public void Iban_WithAPunctuationMark_IsRejectedNamingIt()
    {
        var result = Iban.Validate("FR76 3000 6000 0112 3456 7890 18*");

        Assert.False(result.IsValid);
        Assert.Equal("IBAN contains '*', which is not allowed — use only letters and digits", result.Error);
    }

    [Theory]
    [InlineData("FR76 3000 6000 0112 3456 7890 188")] // last digit mistyped
    [InlineData("FR76 3000 6000 0112 3456 7809 189")] // two digits swapped
    [InlineData("FR67 3000 6000 0112 3456 7890 189")] // check digits swapped
    [InlineData("DE89 3704 0044 0532 0131 00")]
    [InlineData("GB29 NWBK 6016 1331 9268 18")]
    [InlineData("CH93 0076 2011 6238 5295 8")]
    [InlineData("MC58 1122 2000 0101 2345 6789 031")]
    public void Iban_WithWrongCheckDigits_IsRejectedWithAMessage(string typed)
    {
        var result = Iban.Validate(typed);

        Assert.False(result.IsValid);
        Assert.Equal("IBAN check digits are wrong — please check for a typo", result.Error);
    }

    [Theory]
    [InlineData("FR0230006000011000000002889", true)]
    [InlineData("FR9930006000011000000002889", false)] // 99 ≡ 02 (mod 97), but never issued
    [InlineData("FR9830006000011000000003489", true)]
    [InlineData("FR0130006000011000000003489", false)] // 01 ≡ 98 (mod 97), but never issued
    public void Iban_WithCheckDigitsOutside02To98_IsRejectedThoughCongruent(string iban, bool valid)
    {
        Assert.Equal(valid, Iban.Validate(iban).IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Iban_Empty_AsksForOne(string? typed)
    {
        var result = Iban.Validate(typed);

        Assert.False(result.IsValid);
        Assert.Equal("Enter an IBAN", result.Error);
    }

    [Fact]
    public void Mask_KeepsCountryCheckDigitsAndLastFourCharacters()
    {
        Assert.Equal("FR76 •••• •••• •••• •••• •••0 189", Iban.Mask("FR7630006000011234567890189"));
    }

    [Fact]
    public void Mask_AcceptsTypedFormAndOtherLengths()
    {
        Assert.Equal("DE89 •••• •••• •••• ••30 00", Iban.Mask("de89 3704 0044 0532 0130 00"));
        Assert.Equal("BE68 •••• •••• 7034", Iban.Mask("BE68539007547034"));
    }

    [Fact]
    public void Mask_NeverRevealsMostOfAShortValue()
    {
        Assert.Equal("FR•• ••••", Iban.Mask("FR763000"));
        Assert.Equal("", Iban.Mask(""));
    }

    [Fact]
    public void Format_GroupsByFourInUpperCase()
    {
        Assert.Equal("FR76 3000 6000 0112 3456 7890 189", Iban.Format("fr7630006000011234567890189"));
        Assert.Equal("NL91 ABNA 0417 1643 00", Iban.Format(" NL91ABNA 0417164300"));
    }

    [Fact]
    public void Mod97_OfNumbersFarBeyondLong_MatchesTheExactRemainder()
    {
        Assert.Equal(52, Iban.Mod97("123456789012345678901234567890"));
        Assert.Equal(72, Iban.Mod97("ABCDEFGHIJK"));
        Assert.Equal(1, Iban.Mod97("539007547034BE68"));
    }
}

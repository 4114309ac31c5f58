using System.Globalization;
using System.Numerics;
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

    // IBAN lengths as published in the SWIFT IBAN registry (ISO 13616), and whether the country is in the
    // SEPA schemes' geographical scope (EPC list). Written here from those sources, not from the app's table.
    public static TheoryData<string, int, bool> Registry => new()
    {
        { "AD", 24, true }, { "AT", 20, true }, { "BE", 16, true }, { "BG", 22, true }, { "CH", 21, true },
        { "CY", 28, true }, { "CZ", 24, true }, { "DE", 22, true }, { "DK", 18, true }, { "EE", 20, true },
        { "ES", 24, true }, { "FI", 18, true }, { "FR", 27, true }, { "GB", 22, true }, { "GI", 23, true },
        { "GR", 27, true }, { "HR", 21, true }, { "HU", 28, true }, { "IE", 22, true }, { "IS", 26, true },
        { "IT", 27, true }, { "LI", 21, true }, { "LT", 20, true }, { "LU", 20, true }, { "LV", 21, true },
        { "MC", 27, true }, { "MT", 31, true }, { "NL", 18, true }, { "NO", 15, true }, { "PL", 28, true },
        { "PT", 25, true }, { "RO", 24, true }, { "SE", 24, true }, { "SI", 19, true }, { "SK", 24, true },
        { "SM", 27, true }, { "VA", 22, true }, { "AL", 28, true }, { "MD", 24, true }, { "ME", 22, true },
        { "MK", 19, true }, { "RS", 22, true },
        { "AE", 23, false }, { "AZ", 28, false }, { "BA", 20, false }, { "BH", 22, false }, { "BR", 29, false },
        { "BY", 28, false }, { "CR", 22, false }, { "DO", 28, false }, { "EG", 29, false }, { "FO", 18, false },
        { "GE", 22, false }, { "GL", 18, false }, { "GT", 28, false }, { "IL", 23, false }, { "IQ", 23, false },
        { "JO", 30, false }, { "KW", 30, false }, { "KZ", 20, false }, { "LB", 28, false }, { "LC", 32, false },
        { "LY", 25, false }, { "MR", 27, false }, { "MU", 30, false }, { "PK", 24, false }, { "PS", 29, false },
        { "QA", 29, false }, { "RU", 33, false }, { "SA", 24, false }, { "SC", 31, false }, { "ST", 25, false },
        { "SV", 28, false }, { "TL", 23, false }, { "TN", 24, false }, { "TR", 26, false }, { "UA", 29, false },
        { "VG", 24, false }, { "XK", 20, false },
    };

    [Theory]
    [MemberData(nameof(Registry))]
    public void CountryTable_MatchesTheIbanRegistry_InLengthAndSepaMembership(string code, int length, bool sepa)
    {
        var name = Iban.CountryName(code);
        Assert.False(string.IsNullOrWhiteSpace(name), $"{code} has no name");
        Assert.Equal(sepa, Iban.IsSepaCountry(code));

        var iban = RegistryIban(code, length);
        var result = Iban.Validate(iban);
        if (sepa)
        {
            Assert.True(result.IsValid, result.Error);
            Assert.Equal(
                $"IBAN is too short for {name} ({code} IBANs have {length} characters)",
                Iban.Validate(RegistryIban(code, length - 1)).Error);
            Assert.Equal(
                $"IBAN is too long for {name} ({code} IBANs have {length} characters)",
                Iban.Validate(RegistryIban(code, length + 1)).Error);
        }
        else
        {
            Assert.Equal(
                $"IBANs from {name} ({code}) cannot be used: the country is outside the SEPA direct-debit area",
                result.Error);
        }
    }

    [Fact]
    public void CountryTable_HasNoCountryTheRegistryLacks()
    {
        var listed = Registry.Select(row => (string)row[0]).ToHashSet();

        for (var first = 'A'; first <= 'Z'; first++)
        {
            for (var second = 'A'; second <= 'Z'; second++)
            {
                var code = $"{first}{second}";
                Assert.True(listed.Contains(code) == (Iban.CountryName(code) is not null), code);
            }
        }
    }

    /// <summary>An IBAN of <paramref name="length"/> characters for <paramref name="code"/>, its check digits computed here with exact integers.</summary>
    private static string RegistryIban(string code, int length)
    {
        var bban = string.Concat(Enumerable.Range(0, length - 4).Select(i => (char)('0' + (i * 7 + 3) % 10)));
        var numeric = string.Concat((bban + code + "00").Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture)));
        var check = 98 - (int)(BigInteger.Parse(numeric, CultureInfo.InvariantCulture) % 97);
        return $"{code}{check:D2}{bban}";
    }

    [Theory]
    [InlineData("F", "An IBAN starts with a two-letter country code, such as FR")]
    [InlineData("FR", "The 3rd and 4th characters of an IBAN are its check digits and must be digits, as in FR76")]
    [InlineData("FR7", "The 3rd and 4th characters of an IBAN are its check digits and must be digits, as in FR76")]
    [InlineData("FR76", "IBAN is too short for France (FR IBANs have 27 characters)")]
    public void Iban_CutShort_SaysWhatComesNext(string typed, string expected)
    {
        Assert.Equal(expected, Iban.Validate(typed).Error);
    }

    [Fact]
    public void Mask_OfAValueOfNineCharacters_ShowsBothEnds()
    {
        Assert.Equal("FR76 •345 6", Iban.Mask("FR7623456"));
    }

    [Fact]
    public void Validate_ReadInFrench_ExplainsEachRefusalInFrench()
    {
        using var french = CultureScope.French();

        Assert.Equal("Saisissez un IBAN", Iban.Validate("").Error);
        Assert.Equal("La clé de contrôle de l'IBAN est fausse : vérifiez s'il y a une faute de frappe", Iban.Validate("FR7630006000011234567890188").Error);
        Assert.Equal("L'IBAN est trop court : les IBAN FR ont 27 caractères (pays FR)", Iban.Validate("FR76300060000112345678901").Error);
        Assert.Equal("Les IBAN RU ne peuvent pas être utilisés : ce pays est hors de la zone de prélèvement SEPA (RU)",
            Iban.Validate("RU0204452560040702810412345678901").Error);
    }

    [Fact]
    public void Validate_ReadInBritishEnglish_NamesTheCountryInEnglish()
    {
        using var english = CultureScope.English();

        Assert.Equal("IBAN is too short for France (FR IBANs have 27 characters)", Iban.Validate("FR76300060000112345678901").Error);
        Assert.Contains("Russia", Iban.Validate("RU0204452560040702810412345678901").Error);
    }

    [Fact]
    public void MandateForm_ReadInFrench_ListsEveryMistakeInFrench()
    {
        using var french = CultureScope.French();

        var errors = MandateService.Validate(new MandateForm { AccountHolder = "", Iban = "", Authorised = false });

        Assert.Equal("Saisissez le nom du titulaire du compte.", errors[nameof(MandateForm.AccountHolder)]);
        Assert.Equal("Saisissez un IBAN", errors[nameof(MandateForm.Iban)]);
        Assert.Equal("Cochez la case pour autoriser le prélèvement.", errors[nameof(MandateForm.Authorised)]);
        Assert.Equal("Le nom du titulaire du compte : 70 caractères au plus (71 saisis).",
            MandateService.Validate(new MandateForm { AccountHolder = new string('a', 71), Iban = "", Authorised = true })[nameof(MandateForm.AccountHolder)]);
    }
}

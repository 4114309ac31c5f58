using System.Globalization;
using SubscriptionPortal.Components.Shared;

namespace SubscriptionPortal.Tests.Unit.Components.Shared;

public sealed class FormatTests
{
    private const char NarrowNoBreakSpace = '\u202F';
    private const char NoBreakSpace = '\u00A0';

    [Fact]
    public void Runtime_HasRealCultureData_NotInvariantGlobalization()
    {
        // Invariant globalization would give every culture the invariant formats, and French would read as English.
        Assert.Equal("fr", CultureInfo.GetCultureInfo("fr-FR").TwoLetterISOLanguageName);
        Assert.Equal(",", CultureInfo.GetCultureInfo("fr-FR").NumberFormat.NumberDecimalSeparator);
    }

    [Theory]
    [InlineData("1440.00", "1 440,00 €")]
    [InlineData("0", "0,00 €")]
    [InlineData("0.5", "0,50 €")]
    [InlineData("-1440.00", "-1 440,00 €")]
    [InlineData("1000000", "1 000 000,00 €")]
    [InlineData("1234567.89", "1 234 567,89 €")]
    [InlineData("999.99", "999,99 €")]
    public void Eur_InFrench_WritesCommaDecimalsNarrowSpaceThousandsAndTheEuroAfter(string amount, string expected)
    {
        using var _ = CultureScope.French();

        Assert.Equal(French(expected), Format.Eur(decimal.Parse(amount, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("1440.00", "€1,440.00")]
    [InlineData("0", "€0.00")]
    [InlineData("-1440.00", "-€1,440.00")]
    [InlineData("1000000", "€1,000,000.00")]
    [InlineData("0.005", "€0.01")]
    public void Eur_InEnglish_WritesTheEuroFirstAsBefore(string amount, string expected)
    {
        using var _ = CultureScope.English();

        Assert.Equal(expected, Format.Eur(decimal.Parse(amount, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Eur_OutsideAnyChosenCulture_WritesEnglish()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            Assert.Equal("€1,440.00", Format.Eur(1440m));
            Assert.Equal("28 Nov 2026", Format.Date(new DateOnly(2026, 11, 28)));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(2026, 11, 28, "28 nov. 2026")]
    [InlineData(2026, 5, 1, "1 mai 2026")]
    [InlineData(2027, 2, 3, "3 févr. 2027")]
    public void Date_InFrench_WritesTheAbbreviatedFrenchMonth(int year, int month, int day, string expected)
    {
        using var _ = CultureScope.French();

        Assert.Equal(expected, Format.Date(new DateOnly(year, month, day)));
    }

    [Theory]
    [InlineData(2026, 11, 28, "28 Nov 2026")]
    [InlineData(2026, 9, 1, "1 Sept 2026")]
    public void Date_InEnglish_WritesAsBefore(int year, int month, int day, string expected)
    {
        using var _ = CultureScope.English();

        Assert.Equal(expected, Format.Date(new DateOnly(year, month, day)));
    }

    [Fact]
    public void Period_InFrench_IncludesBothDays()
    {
        using var _ = CultureScope.French();

        Assert.Equal("28 nov. 2026 – 27 déc. 2026", Format.Period(new DateOnly(2026, 11, 28), new DateOnly(2026, 12, 28)));
    }

    [Fact]
    public void DateTime_InFrench_WritesTheLocalTimeOnTwentyFourHours()
    {
        using var _ = CultureScope.French();

        Assert.Equal("28 nov. 2026 14:05", Format.DateTime(new DateTime(2026, 11, 28, 14, 5, 0, DateTimeKind.Utc), TimeZoneInfo.Utc));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(999, "999")]
    [InlineData(1000, "1 000")]
    [InlineData(1000000, "1 000 000")]
    public void Contacts_InFrench_GroupsThousandsWithANarrowNoBreakSpace(int count, string expected)
    {
        using var _ = CultureScope.French();

        Assert.Equal(French(expected), Format.Contacts(count));
    }

    [Theory]
    [InlineData(1000, "1,000")]
    [InlineData(1000000, "1,000,000")]
    public void Contacts_InEnglish_GroupsThousandsWithCommas(int count, string expected)
    {
        using var _ = CultureScope.English();

        Assert.Equal(expected, Format.Contacts(count));
    }

    // The expectations above are typed with plain spaces: thousands take a narrow no-break space, the euro a no-break space.
    private static string French(string typed)
    {
        var chars = typed.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] == ' ')
            {
                chars[i] = i + 1 < chars.Length && chars[i + 1] == '€' ? NoBreakSpace : NarrowNoBreakSpace;
            }
        }

        return new string(chars);
    }
}

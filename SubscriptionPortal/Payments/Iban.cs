using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using SubscriptionPortal.Common;

namespace SubscriptionPortal.Payments;

/// <summary>
/// International Bank Account Numbers (ISO 13616): validation for a SEPA direct-debit mandate,
/// and the masked and grouped forms shown to people.
/// </summary>
internal static class Iban
{
    /// <summary>The longest IBAN any country issues; SEPA's longest is Malta's, 31 characters.</summary>
    public const int MaxLength = 34;

    private const int GroupSize = 4;
    private const int VisibleTail = 4;
    private const char Bullet = '\u2022';

    private static readonly IStringLocalizer Text = ResourceText.For(typeof(Iban));

    // Lengths from the ISO 13616 registry. Registry countries outside SEPA are listed too, so that a
    // valid Brazilian IBAN is told "outside SEPA" rather than "unknown country". Territories that use
    // another country's IBAN (Guadeloupe, Réunion... → FR; Jersey, Isle of Man → GB; Åland → FI) need
    // no entry of their own.
    // Stryker disable all : data, checked entry by entry against the IBAN registry by a unit test (CountryTable_MatchesTheIbanRegistry_InLengthAndSepaMembership); as a static initializer each mutant would rerun every unit test
    private static readonly FrozenDictionary<string, Country> Countries = new Dictionary<string, Country>
    {
        // SEPA: EU and EEA members, then the other countries and territories admitted to the schemes.
        ["AT"] = new("Austria", 20, Sepa: true),
        ["BE"] = new("Belgium", 16, Sepa: true),
        ["BG"] = new("Bulgaria", 22, Sepa: true),
        ["CY"] = new("Cyprus", 28, Sepa: true),
        ["CZ"] = new("Czechia", 24, Sepa: true),
        ["DE"] = new("Germany", 22, Sepa: true),
        ["DK"] = new("Denmark", 18, Sepa: true),
        ["EE"] = new("Estonia", 20, Sepa: true),
        ["ES"] = new("Spain", 24, Sepa: true),
        ["FI"] = new("Finland", 18, Sepa: true),
        ["FR"] = new("France", 27, Sepa: true),
        ["GR"] = new("Greece", 27, Sepa: true),
        ["HR"] = new("Croatia", 21, Sepa: true),
        ["HU"] = new("Hungary", 28, Sepa: true),
        ["IE"] = new("Ireland", 22, Sepa: true),
        ["IT"] = new("Italy", 27, Sepa: true),
        ["LT"] = new("Lithuania", 20, Sepa: true),
        ["LU"] = new("Luxembourg", 20, Sepa: true),
        ["LV"] = new("Latvia", 21, Sepa: true),
        ["MT"] = new("Malta", 31, Sepa: true),
        ["NL"] = new("the Netherlands", 18, Sepa: true),
        ["PL"] = new("Poland", 28, Sepa: true),
        ["PT"] = new("Portugal", 25, Sepa: true),
        ["RO"] = new("Romania", 24, Sepa: true),
        ["SE"] = new("Sweden", 24, Sepa: true),
        ["SI"] = new("Slovenia", 19, Sepa: true),
        ["SK"] = new("Slovakia", 24, Sepa: true),
        ["IS"] = new("Iceland", 26, Sepa: true),
        ["LI"] = new("Liechtenstein", 21, Sepa: true),
        ["NO"] = new("Norway", 15, Sepa: true),
        ["AD"] = new("Andorra", 24, Sepa: true),
        ["CH"] = new("Switzerland", 21, Sepa: true),
        ["GB"] = new("the United Kingdom", 22, Sepa: true),
        ["GI"] = new("Gibraltar", 23, Sepa: true),
        ["MC"] = new("Monaco", 27, Sepa: true),
        ["SM"] = new("San Marino", 27, Sepa: true),
        ["VA"] = new("Vatican City", 22, Sepa: true),
        // Admitted to the SEPA geographical scope in 2024–2025.
        ["AL"] = new("Albania", 28, Sepa: true),
        ["MD"] = new("Moldova", 24, Sepa: true),
        ["ME"] = new("Montenegro", 22, Sepa: true),
        ["MK"] = new("North Macedonia", 19, Sepa: true),
        ["RS"] = new("Serbia", 22, Sepa: true),

        // Outside SEPA: recognised so that the message can say why they are refused.
        ["AE"] = new("the United Arab Emirates", 23, Sepa: false),
        ["AZ"] = new("Azerbaijan", 28, Sepa: false),
        ["BA"] = new("Bosnia and Herzegovina", 20, Sepa: false),
        ["BH"] = new("Bahrain", 22, Sepa: false),
        ["BR"] = new("Brazil", 29, Sepa: false),
        ["BY"] = new("Belarus", 28, Sepa: false),
        ["CR"] = new("Costa Rica", 22, Sepa: false),
        ["DO"] = new("the Dominican Republic", 28, Sepa: false),
        ["EG"] = new("Egypt", 29, Sepa: false),
        ["FO"] = new("the Faroe Islands", 18, Sepa: false),
        ["GE"] = new("Georgia", 22, Sepa: false),
        ["GL"] = new("Greenland", 18, Sepa: false),
        ["GT"] = new("Guatemala", 28, Sepa: false),
        ["IL"] = new("Israel", 23, Sepa: false),
        ["IQ"] = new("Iraq", 23, Sepa: false),
        ["JO"] = new("Jordan", 30, Sepa: false),
        ["KW"] = new("Kuwait", 30, Sepa: false),
        ["KZ"] = new("Kazakhstan", 20, Sepa: false),
        ["LB"] = new("Lebanon", 28, Sepa: false),
        ["LC"] = new("Saint Lucia", 32, Sepa: false),
        ["LY"] = new("Libya", 25, Sepa: false),
        ["MR"] = new("Mauritania", 27, Sepa: false),
        ["MU"] = new("Mauritius", 30, Sepa: false),
        ["PK"] = new("Pakistan", 24, Sepa: false),
        ["PS"] = new("Palestine", 29, Sepa: false),
        ["QA"] = new("Qatar", 29, Sepa: false),
        ["RU"] = new("Russia", 33, Sepa: false),
        ["SA"] = new("Saudi Arabia", 24, Sepa: false),
        ["SC"] = new("Seychelles", 31, Sepa: false),
        ["ST"] = new("São Tomé and Príncipe", 25, Sepa: false),
        ["SV"] = new("El Salvador", 28, Sepa: false),
        ["TL"] = new("Timor-Leste", 23, Sepa: false),
        ["TN"] = new("Tunisia", 24, Sepa: false),
        ["TR"] = new("Turkey", 26, Sepa: false),
        ["UA"] = new("Ukraine", 29, Sepa: false),
        ["VG"] = new("the British Virgin Islands", 24, Sepa: false),
        ["XK"] = new("Kosovo", 20, Sepa: false),
    }.ToFrozenDictionary(StringComparer.Ordinal);
    // Stryker restore all

    /// <summary>
    /// Checks an IBAN as a person typed it (spaces, hyphens and lower case allowed) for a SEPA direct
    /// debit: letters and digits only, a known country inside the SEPA area, the exact length for that
    /// country, and mod-97 = 1.
    /// </summary>
    /// <returns>Valid with the IBAN in electronic form (upper case, no separators), or invalid with a message for the user.</returns>
    public static CheckResult Validate(string? input)
    {
        var iban = Normalize(input);
        if (TypedIdentifier.RefuseUnlessCountryPrefixed(iban, Text["Required"],
                c => Text["NotAlphanumeric", c],
                Text["NoCountry"]) is { } refused)
        {
            return refused;
        }

        var code = iban[..2];
        if (!Countries.TryGetValue(code, out var country))
        {
            return CheckResult.Invalid(Text["UnknownCountry", code]);
        }

        if (!country.Sepa)
        {
            return CheckResult.Invalid(
                Text["OutsideSepa", code, NameOf(code, country)]);
        }

        if (iban.Length < 4 || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3]))
        {
            return CheckResult.Invalid(
                Text["CheckDigitsNotDigits", code]);
        }

        if (iban.Length != country.Length)
        {
            // Stryker disable once Equality : equivalent, the lengths differ here
            var tooWhat = iban.Length < country.Length ? "TooShort" : "TooLong";
            return CheckResult.Invalid(Text[tooWhat, code, NameOf(code, country), country.Length]);
        }

        // ISO 13616: move the first four characters to the end, read letters as 10..35; valid when ≡ 1 (mod 97).
        // Issued check digits are 02..98: "00", "01" and "99" are congruent to real ones but never valid.
        var checkDigits = int.Parse(iban.AsSpan(2, 2), CultureInfo.InvariantCulture);
        if (checkDigits is < 2 or > 98 || Mod97(string.Concat(iban.AsSpan(4), iban.AsSpan(0, 4))) != 1)
        {
            return CheckResult.Invalid(Text["WrongCheckDigits"]);
        }

        return CheckResult.Valid(iban);
    }

    /// <summary>
    /// Hides an IBAN for display, keeping the country, the check digits and the last four characters:
    /// "FR7630006000011234567890189" → "FR76 •••• •••• •••• •••• •••0 189". Accepts any spacing or case.
    /// </summary>
    public static string Mask(string iban)
    {
        var value = Normalize(iban);

        // Too short to show both ends without giving most of it away: keep only the country code.
        var head = value.Length > 4 + VisibleTail ? 4 : Math.Min(2, value.Length);
        var tail = value.Length > 4 + VisibleTail ? VisibleTail : 0;
        var masked = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            masked.Append(i < head || i >= value.Length - tail ? value[i] : Bullet);
        }

        return Group(masked.ToString());
    }

    /// <summary>The paper form of an IBAN: upper case, in groups of four ("FR76 3000 6000 0112 3456 7890 189").</summary>
    public static string Format(string iban) => Group(Normalize(iban));

    /// <summary>Whether <paramref name="countryCode"/> (ISO 3166, upper case) belongs to the SEPA schemes' area.</summary>
    internal static bool IsSepaCountry(string countryCode) =>
        Countries.TryGetValue(countryCode, out var country) && country.Sepa;

    // The table holds English names only ("the British Virgin Islands"); the culture data names a country in
    // its own language, not the reader's. Other languages name the country by its code.
    private static string NameOf(string code, Country country) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" || CultureInfo.CurrentUICulture.Equals(CultureInfo.InvariantCulture)
            ? country.Name
            : code;

    /// <summary>The English name of an IBAN registry country, for messages; null when unknown.</summary>
    internal static string? CountryName(string countryCode) =>
        Countries.TryGetValue(countryCode, out var country) ? country.Name : null;

    /// <summary>
    /// The ISO 7064 mod 97-10 remainder of a string of ASCII letters (A = 10 ... Z = 35) and digits,
    /// computed a digit at a time so that no big-integer arithmetic is needed.
    /// </summary>
    internal static int Mod97(ReadOnlySpan<char> value)
    {
        var remainder = 0;
        foreach (var c in value)
        {
            remainder = char.IsAsciiDigit(c)
                ? (remainder * 10 + (c - '0')) % 97
                : (remainder * 100 + (char.ToUpperInvariant(c) - 'A' + 10)) % 97;
        }

        return remainder;
    }

    // IBANs pasted from statements and PDFs sometimes carry hyphens too.
    private static string Normalize(string? input) => TypedIdentifier.Compact(input, "-");

    private static string Group(string value)
    {
        // Stryker disable once Arithmetic : equivalent, only the builder's initial capacity
        var builder = new StringBuilder(value.Length + value.Length / GroupSize);
        for (var i = 0; i < value.Length; i++)
        {
            if (i > 0 && i % GroupSize == 0)
            {
                builder.Append(' ');
            }

            builder.Append(value[i]);
        }

        return builder.ToString();
    }

    private sealed record Country(string Name, int Length, bool Sepa);
}

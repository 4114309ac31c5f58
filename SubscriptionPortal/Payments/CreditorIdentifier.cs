using System.Globalization;
using SubscriptionPortal.Common;

namespace SubscriptionPortal.Payments;

/// <summary>
/// The SEPA creditor identifier (in France the ICS, "identifiant créancier SEPA"), such as FR72ZZZ123456:
/// country code, two check digits, a three-character creditor business code, then the national identifier.
/// Its check digits are the IBAN's mod 97 (<see cref="Iban.Mod97"/>), taken over the national identifier only.
/// </summary>
internal static class CreditorIdentifier
{
    private const int BusinessCodeLength = 3;
    private const int NationalPartStart = 4 + BusinessCodeLength;

    /// <summary>The longest creditor identifier the EPC allows.</summary>
    public const int MaxLength = 35;

    // National identifiers whose length is fixed by the country's scheme, for a precise message.
    // Other countries only get the generic 35-character limit.
    private static readonly Dictionary<string, (int Length, string Example)> FixedLengths = new(StringComparer.Ordinal)
    {
        ["FR"] = (13, "FR72ZZZ123456"),
        ["DE"] = (18, "DE98ZZZ09999999999"),
        ["ES"] = (16, "ES97000B12345678"),
    };

    /// <summary>
    /// Checks a creditor identifier as typed (spaces and lower case allowed): a SEPA country, the
    /// country's length where it is fixed, and check digits computed mod 97 over the national
    /// identifier followed by the country code and "00" — the business code is not part of the check.
    /// </summary>
    /// <returns>Valid with the normalised identifier (upper case, no spaces), or invalid with a message for the user.</returns>
    public static CheckResult Validate(string? input)
    {
        var id = TypedIdentifier.Compact(input);
        if (TypedIdentifier.RefuseUnlessCountryPrefixed(id, "Enter a SEPA creditor identifier",
                c => $"A creditor identifier contains only letters and digits, not '{c}'",
                "A creditor identifier starts with a two-letter country code, such as FR") is { } refused)
        {
            return refused;
        }

        var code = id[..2];
        if (!Iban.IsSepaCountry(code))
        {
            return Iban.CountryName(code) is { } name
                ? CheckResult.Invalid($"{name} ({code}) is outside the SEPA direct-debit area")
                : CheckResult.Invalid($"Unknown country code '{code}'");
        }

        if (id.Length < 4 || !char.IsAsciiDigit(id[2]) || !char.IsAsciiDigit(id[3]))
        {
            return CheckResult.Invalid("The 3rd and 4th characters of a creditor identifier are its check digits and must be digits");
        }

        if (FixedLengths.TryGetValue(code, out var rule) && id.Length != rule.Length)
        {
            return CheckResult.Invalid(
                $"{code} creditor identifiers have {rule.Length} characters, such as {rule.Example}; this one has {id.Length}");
        }

        if (id.Length <= NationalPartStart)
        {
            return CheckResult.Invalid(
                "A creditor identifier is a country code, 2 check digits, a 3-character business code and a national identifier, such as FR72ZZZ123456");
        }

        if (id.Length > MaxLength)
        {
            return CheckResult.Invalid($"A creditor identifier has at most {MaxLength} characters");
        }

        var expected = CheckDigits(code, id.AsSpan(NationalPartStart));
        if (id.AsSpan(2, 2).SequenceEqual(expected))
        {
            return CheckResult.Valid(id);
        }

        return CheckResult.Invalid("Creditor identifier check digits are wrong — please check for a typo");
    }

    private static string CheckDigits(string countryCode, ReadOnlySpan<char> nationalIdentifier)
    {
        var remainder = Iban.Mod97(string.Concat(nationalIdentifier, countryCode, "00"));
        return (98 - remainder).ToString("D2", CultureInfo.InvariantCulture);
    }

}

using System.Text;

namespace SubscriptionPortal.Common;

/// <summary>
/// The steps shared by the identifiers people type or paste (IBAN, SEPA creditor identifier, SIREN):
/// one compact form, and the first checks of an identifier that starts with a country code.
/// </summary>
internal static class TypedIdentifier
{
    /// <summary>
    /// <paramref name="input"/> without white space of any kind (values pasted from statements and
    /// PDFs carry non-breaking or thin spaces), without the <paramref name="separators"/>, in upper case.
    /// </summary>
    public static string Compact(string? input, string separators = "")
    {
        if (string.IsNullOrEmpty(input))
        {
            return "";
        }

        var builder = new StringBuilder(input.Length);
        foreach (var c in input)
        {
            if (!char.IsWhiteSpace(c) && !separators.Contains(c, StringComparison.Ordinal))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Checks a compact identifier is there, holds only letters and digits and starts with a
    /// two-letter country code; null when it does, else the refusal to show.
    /// </summary>
    public static CheckResult? RefuseUnlessCountryPrefixed(string compact, string whenEmpty, Func<char, string> whenNotAlphanumeric, string whenNoCountry)
    {
        if (compact.Length == 0)
        {
            return CheckResult.Invalid(whenEmpty);
        }

        foreach (var c in compact)
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c))
            {
                return CheckResult.Invalid(whenNotAlphanumeric(c));
            }
        }

        return compact.Length < 2 || !char.IsAsciiLetterUpper(compact[0]) || !char.IsAsciiLetterUpper(compact[1])
            ? CheckResult.Invalid(whenNoCountry)
            : null;
    }
}

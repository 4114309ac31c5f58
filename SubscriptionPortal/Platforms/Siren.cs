using Microsoft.Extensions.Localization;
using SubscriptionPortal.Common;

namespace SubscriptionPortal.Platforms;

/// <summary>
/// The SIREN, the 9-digit number INSEE gives a French company or registered association; its last
/// digit is a Luhn check digit.
/// </summary>
internal static class Siren
{
    /// <summary>Number of digits in a SIREN.</summary>
    public const int Length = 9;

    private static readonly IStringLocalizer Text = ResourceText.For(typeof(Siren));

    /// <summary>
    /// Checks a SIREN as typed: spaces are ignored ("732 829 320"), then exactly 9 digits passing the Luhn check.
    /// </summary>
    /// <returns>Valid with the 9 digits, or invalid with a message for the user.</returns>
    public static CheckResult Validate(string? input)
    {
        var siren = TypedIdentifier.Compact(input);
        if (siren.Length != Length || !siren.All(char.IsAsciiDigit))
        {
            return CheckResult.Invalid(Text["NineDigits"]);
        }

        return PassesLuhn(siren)
            ? CheckResult.Valid(siren)
            : CheckResult.Invalid(Text["CheckDigit"]);
    }

    /// <summary>The usual written form, in groups of three: "732829320" → "732 829 320". Other input is returned as is.</summary>
    public static string Format(string siren) =>
        siren.Length == Length ? $"{siren[..3]} {siren[3..6]} {siren[6..]}" : siren;

    private static bool PassesLuhn(string digits)
    {
        // From the right, every second digit is doubled (and 9 subtracted when it exceeds 9).
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }

}

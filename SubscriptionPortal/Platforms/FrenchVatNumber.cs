using System.Globalization;
using Microsoft.Extensions.Localization;

namespace SubscriptionPortal.Platforms;

/// <summary>
/// The French intra-community VAT number: "FR", a two-digit key, then the SIREN, where the key is
/// (12 + 3 × (SIREN mod 97)) mod 97.
/// </summary>
internal static class FrenchVatNumber
{
    private static readonly IStringLocalizer Text = ResourceText.For(typeof(FrenchVatNumber));

    /// <summary>
    /// Checks a VAT number as typed: spaces are ignored and letters may be lower case ("fr 32 912 345 678").
    /// </summary>
    /// <returns>Valid with the compact form ("FR32912345678"), or invalid with a message for the user.</returns>
    public static CheckResult Validate(string? input)
    {
        var compact = string.Concat((input ?? "").Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (compact.Length != 13 || !compact.StartsWith("FR", StringComparison.Ordinal) || !compact[2..].All(char.IsAsciiDigit))
        {
            return CheckResult.Invalid(Text["Format"]);
        }

        var siren = compact[4..];
        if (!Siren.Validate(siren).IsValid)
        {
            return CheckResult.Invalid(Text["SirenCheckDigit"]);
        }

        return int.Parse(compact[2..4], CultureInfo.InvariantCulture) == Key(siren)
            ? CheckResult.Valid(compact)
            : CheckResult.Invalid(Text["KeyMismatch"]);
    }

    /// <summary>The key of the VAT number of a 9-digit SIREN.</summary>
    public static int Key(string siren) => (int)((12 + (3 * (long.Parse(siren, CultureInfo.InvariantCulture) % 97))) % 97);

    /// <summary>The 9-digit SIREN a valid compact VAT number carries.</summary>
    public static string SirenOf(string compactVatNumber) => compactVatNumber[4..];
}

using Microsoft.Extensions.Localization;

namespace SubscriptionPortal.Platforms;

/// <summary>The RNA number, the association's entry in France's répertoire national des associations: W and 9 digits.</summary>
internal static class Rna
{
    private static readonly IStringLocalizer Text = ResourceText.For(typeof(Rna));

    /// <summary>Checks an RNA number as typed: spaces are ignored and the W may be lower case.</summary>
    /// <returns>Valid with the normalised number ("W751234567"), or invalid with a message for the user.</returns>
    public static CheckResult Validate(string? input)
    {
        var compact = string.Concat((input ?? "").Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        return compact.Length == 10 && compact[0] == 'W' && compact[1..].All(char.IsAsciiDigit)
            ? CheckResult.Valid(compact)
            : CheckResult.Invalid(Text["Format"]);
    }
}

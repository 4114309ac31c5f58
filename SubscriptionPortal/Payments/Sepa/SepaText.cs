using System.Globalization;
using System.Text;

namespace SubscriptionPortal.Payments.Sepa;

/// <summary>
/// The SEPA Latin character set that every bank in the schemes must accept:
/// a–z A–Z 0–9 / - ? : ( ) . , ' + and space. Free text is transliterated into it;
/// identifiers must already be written in it.
/// </summary>
internal static class SepaText
{
    /// <summary>The EPC's limit for names (the schema allows 140, the SEPA rulebooks 70).</summary>
    public const int NameMaxLength = 70;

    /// <summary>Limit of one unstructured remittance line (<c>Ustrd</c>).</summary>
    public const int RemittanceMaxLength = 140;

    /// <summary>Limit of identifiers: message, payment information, end-to-end and mandate ids.</summary>
    public const int IdentifierMaxLength = 35;

    // Characters that Unicode decomposition does not reduce to ASCII, mapped to what a French or
    // German reader would write by hand. Accented letters (é, ü, ç...) need no entry: decomposition
    // strips their marks.
    private static readonly Dictionary<char, string> Replacements = new()
    {
        ['Œ'] = "OE", ['œ'] = "oe", ['Æ'] = "AE", ['æ'] = "ae", ['ß'] = "ss", ['ẞ'] = "SS",
        ['Ø'] = "O", ['ø'] = "o", ['Ł'] = "L", ['ł'] = "l", ['Đ'] = "D", ['đ'] = "d", ['Ð'] = "D", ['ð'] = "d",
        ['Þ'] = "TH", ['þ'] = "th", ['ı'] = "i", ['Ħ'] = "H", ['ħ'] = "h", ['Ŧ'] = "T", ['ŧ'] = "t",
        ['&'] = "+", ['€'] = "EUR", ['\\'] = "/", ['_'] = "-", ['‐'] = "-", ['‑'] = "-", ['–'] = "-", ['—'] = "-",
        ['’'] = "'", ['‘'] = "'", ['‚'] = "'", ['`'] = "'", ['´'] = "'", ['"'] = "'", ['“'] = "'", ['”'] = "'",
        ['„'] = "'", ['«'] = "'", ['»'] = "'", ['['] = "(", [']'] = ")", ['{'] = "(", ['}'] = ")",
        [';'] = ",", ['!'] = ".", ['…'] = "...",
    };

    /// <summary>Whether <paramref name="c"/> belongs to the SEPA Latin character set.</summary>
    public static bool IsAllowed(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '?' or ':' or '(' or ')' or '.' or ',' or '\'' or '+' or ' ';

    /// <summary>
    /// Free text (a name, a remittance line) in the SEPA character set: accents removed ("é" → "e"),
    /// ligatures spelled out ("Œ" → "OE"), any other character replaced by a space, runs of spaces
    /// collapsed, and the result cut to <paramref name="maxLength"/> characters. May return "".
    /// </summary>
    public static string Clean(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        // Compatibility decomposition also flattens "ﬁ", "²", full-width letters and the like.
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                continue;
            }

            if (IsAllowed(c))
            {
                Append(builder, c);
            }
            else if (Replacements.TryGetValue(c, out var replacement))
            {
                foreach (var r in replacement)
                {
                    Append(builder, r);
                }
            }
            else
            {
                Append(builder, ' ');
            }
        }

        var cleaned = builder.ToString().Trim();
        return cleaned.Length <= maxLength ? cleaned : cleaned[..maxLength].TrimEnd();
    }

    /// <summary>
    /// The distinct characters of <paramref name="text"/> that <see cref="Clean"/> could not write in the SEPA set
    /// (it would drop them), in order of appearance: letters of other scripts, emoji, most symbols.
    /// </summary>
    public static IReadOnlyList<string> Unwritable(string text)
    {
        var found = new List<string>();
        var index = 0;
        while (index < text.Length)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed);
            var character = text.Substring(index, consumed);
            if ((status != System.Buffers.OperationStatus.Done || !CanWrite(rune)) && !found.Contains(character))
            {
                found.Add(character);
            }

            index += consumed;
        }

        return found;
    }

    /// <summary>
    /// Why <paramref name="identifier"/> cannot be used as a SEPA identifier (EPC rules: 1–35 characters of the
    /// SEPA set, not starting or ending with "/", no "//"), or null when it can.
    /// </summary>
    public static string? IdentifierProblem(string? identifier, int maxLength = IdentifierMaxLength)
    {
        if (string.IsNullOrEmpty(identifier))
        {
            return "is empty";
        }

        if (identifier.Length > maxLength)
        {
            return $"has more than {maxLength} characters";
        }

        foreach (var c in identifier)
        {
            if (!IsAllowed(c))
            {
                return $"contains '{c}'; only letters, digits, spaces and / - ? : ( ) . , ' + are allowed";
            }
        }

        if (identifier.StartsWith('/') || identifier.EndsWith('/') || identifier.Contains("//", StringComparison.Ordinal))
        {
            return "cannot start or end with '/' or contain '//'";
        }

        if (identifier.StartsWith(' ') || identifier.EndsWith(' '))
        {
            return "cannot start or end with a space";
        }

        return null;
    }

    private static bool CanWrite(Rune rune)
    {
        if (Rune.IsWhiteSpace(rune))
        {
            return true;
        }

        foreach (var c in rune.ToString().Normalize(NormalizationForm.FormKD))
        {
            var isMark = CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
            if (!isMark && !IsAllowed(c) && !Replacements.ContainsKey(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void Append(StringBuilder builder, char c)
    {
        if (c == ' ' && (builder.Length == 0 || builder[^1] == ' '))
        {
            return;
        }

        builder.Append(c);
    }
}

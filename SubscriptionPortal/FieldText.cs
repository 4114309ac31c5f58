using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;

namespace SubscriptionPortal;

/// <summary>
/// The rules every free-text field follows, whatever it is for: a length limit, at most so many
/// lines, and no control or invisible characters. Invisible characters are refused rather than
/// kept: direction overrides and marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F), zero-width
/// characters and the like change or hide what a reader sees (a name that reads differently in
/// the activity log than it was typed) and no document prints them. Right-to-left scripts
/// themselves are ordinary letters: accepted where the value is only shown in the browser, which
/// lays them out; fields printed on documents also refuse what the fonts cannot draw (see
/// <c>Billing.DocumentText</c>).
/// </summary>
public static class FieldText
{
    private static readonly IStringLocalizer Text = ResourceText.For(typeof(FieldText));

    /// <summary>
    /// The value as it is checked and stored: trimmed, line breaks written "\n", composed (NFC: "e" +
    /// combining accent becomes "é", the form the fonts have a glyph for). Null reads as "".
    /// </summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var text = value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

        // A lone surrogate cannot be normalised; it is kept as is and refused by Problem.
        return HasLoneSurrogate(text) ? text : text.Normalize(NormalizationForm.FormC);
    }

    /// <summary>A multi-line value cleaned line by line: each line trimmed, empty lines dropped.</summary>
    public static string CleanLines(string? value) =>
        string.Join('\n', Clean(value).Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0));

    /// <summary>
    /// Why a cleaned value cannot be accepted, or null when it can. <paramref name="maxLength"/> applies to
    /// each line; <paramref name="label"/> starts the message ("The city"), in the reader's language.
    /// </summary>
    public static string? Problem(string value, string label, int maxLength, int maxLines = 1)
    {
        var lines = value.Split('\n');
        if (maxLines == 1 && value.Length > maxLength)
        {
            return Text["TooLong", label, maxLength, value.Length];
        }

        if (lines.Length > maxLines)
        {
            return maxLines == 1
                ? Text["OneLine", label]
                : Text["TooManyLines", label, maxLines, lines.Length];
        }

        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length > maxLength)
            {
                return Text["LineTooLong", label, maxLength, i + 1, lines[i].Length];
            }
        }

        var invisible = Invisible(value);
        return invisible.Count == 0
            ? null
            : Text["Invisible", label, string.Join(", ", invisible)].Value;
    }

    /// <summary>The distinct refused characters of <paramref name="value"/> as "U+XXXX", in order of appearance; line breaks are left to the line count.</summary>
    public static IReadOnlyList<string> Invisible(string value)
    {
        var found = new List<string>();
        var index = 0;
        while (index < value.Length)
        {
            var status = Rune.DecodeFromUtf16(value.AsSpan(index), out var rune, out var consumed);
            string? name = null;
            if (status != OperationStatus.Done)
            {
                name = $"U+{(int)value[index]:X4}";
            }
            else if (rune.Value != '\n' && IsInvisible(rune))
            {
                name = $"U+{rune.Value:X4}";
            }

            if (name is not null && !found.Contains(name))
            {
                found.Add(name);
            }

            index += consumed;
        }

        return found;
    }

    private static bool IsInvisible(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;

    private static bool HasLoneSurrogate(string text)
    {
        var index = 0;
        while (index < text.Length)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(index), out _, out var consumed) != OperationStatus.Done)
            {
                return true;
            }

            index += consumed;
        }

        return false;
    }
}

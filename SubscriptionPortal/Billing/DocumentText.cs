using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using SubscriptionPortal.Billing.Pdf;

namespace SubscriptionPortal.Billing;

/// <summary>
/// The rules of a value printed on invoices and credit notes (the association's name and address):
/// those of every field, and only characters the documents' fonts can draw. A character without a
/// glyph would print as an empty box on a document that can never be corrected, so it is refused
/// when typed, named in the message.
/// </summary>
public static class DocumentText
{
    private const int NamedAtMost = 5;

    private static readonly IStringLocalizer Text = ResourceText.For(typeof(DocumentText));

    /// <summary>Why a cleaned value cannot be printed, or null when it can (see <see cref="FieldText.Problem"/>).</summary>
    public static string? Problem(string value, string label, int maxLength, int maxLines = 1)
    {
        if (FieldText.Problem(value, label, maxLength, maxLines) is { } problem)
        {
            return problem;
        }

        var unprintable = PdfGlyphs.Unprintable(value.Replace("\n", "", StringComparison.Ordinal));
        if (unprintable.Count == 0)
        {
            return null;
        }

        var named = unprintable.Take(NamedAtMost).Select(Name).ToList();
        var list = named.Count == 1 ? named[0] : Text["List", string.Join(", ", named[..^1]), named[^1]];
        return unprintable.Count > NamedAtMost
            ? Text["UnprintableAndMore", label, list, unprintable.Count - NamedAtMost]
            : Text["Unprintable", label, list];
    }

    /// <summary>Whether every character of <paramref name="value"/> can be printed on a document.</summary>
    public static bool IsPrintable(string value) => PdfGlyphs.Unprintable(value).Count == 0;

    // A character that shows nothing on its own (a combining mark, a space of another script) is named by its code.
    private static string Name(string character)
    {
        var status = Rune.DecodeFromUtf16(character, out var rune, out _);
        if (status != System.Buffers.OperationStatus.Done)
        {
            return $"U+{(int)character[0]:X4}";
        }

        var category = Rune.GetUnicodeCategory(rune);
        var visible = category is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpaceSeparator);
        return visible ? $"« {character} »" : $"U+{rune.Value:X4}";
    }
}

using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Text;

namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// The characters the documents' embedded fonts can draw, read from the character maps (<c>cmap</c>)
/// of the very font files the renderer embeds, once per process. A character is printable when both
/// the regular and the bold face map it to a glyph: either face may print any value.
/// </summary>
internal static class PdfGlyphs
{
    private static readonly Lazy<FrozenSet<int>> Printable = new(ReadEmbeddedFonts);

    /// <summary>How many characters can be printed (about 1 400: Latin, Greek, Cyrillic, punctuation, currency signs).</summary>
    public static int Count => Printable.Value.Count;

    public static bool CanPrint(Rune rune) => Printable.Value.Contains(rune.Value);

    /// <summary>The distinct characters of <paramref name="text"/> the fonts cannot draw, in order of appearance (a lone surrogate included).</summary>
    public static IReadOnlyList<string> Unprintable(string text)
    {
        var found = new List<string>();
        var index = 0;
        while (index < text.Length)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed);
            var character = text.Substring(index, consumed);
            if ((status != System.Buffers.OperationStatus.Done || !CanPrint(rune)) && !found.Contains(character))
            {
                found.Add(character);
            }

            index += consumed;
        }

        return found;
    }

    private static FrozenSet<int> ReadEmbeddedFonts()
    {
        var regular = CodePoints(EmbeddedFonts.FaceFile(bold: false));
        var bold = CodePoints(EmbeddedFonts.FaceFile(bold: true));
        regular.IntersectWith(bold);
        return regular.ToFrozenSet();
    }

    /// <summary>
    /// Every code point a TrueType font maps to a glyph other than .notdef, from its Unicode <c>cmap</c>
    /// subtables (<see cref="CharacterMap"/>).
    /// </summary>
    internal static HashSet<int> CodePoints(byte[] font) => [.. CharacterMap(font).Keys];

    /// <summary>
    /// The font's Unicode character map, as PDFsharp reads it when it measures and draws: the Basic
    /// Multilingual Plane from the format 4 subtable, the characters beyond it from format 12; a font
    /// with only one of the two gives everything from that one. Unmapped characters are left out.
    /// </summary>
    internal static Dictionary<int, int> CharacterMap(byte[] font)
    {
        var cmap = TableOffset(font, "cmap");
        var subtables = U16(font, cmap + 2);
        int? format4 = null;
        int? format12 = null;
        for (var i = 0; i < subtables; i++)
        {
            var record = cmap + 4 + (8 * i);
            var platform = U16(font, record);
            var encoding = U16(font, record + 2);
            var offset = cmap + (int)U32(font, record + 4);
            var isUnicode = platform == 0 || (platform == 3 && encoding is 1 or 10);
            switch (U16(font, offset))
            {
                case 4 when isUnicode:
                    format4 ??= offset;
                    break;
                case 12 when isUnicode:
                    format12 ??= offset;
                    break;
            }
        }

        if (format4 is null && format12 is null)
        {
            throw new InvalidDataException("The font has no Unicode character map.");
        }

        var map = format4 is { } f4 ? ReadFormat4(font, f4) : [];
        if (format12 is { } f12)
        {
            foreach (var (codePoint, glyph) in ReadFormat12(font, f12))
            {
                if (format4 is null || codePoint > 0xFFFF)
                {
                    map[codePoint] = glyph;
                }
            }
        }

        return map;
    }

    internal static ushort U16(byte[] data, int offset) => BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(offset, 2));

    private static Dictionary<int, int> ReadFormat4(byte[] font, int table)
    {
        var segments = U16(font, table + 6) / 2;
        var ends = table + 14;
        var starts = ends + (2 * segments) + 2;
        var deltas = starts + (2 * segments);
        var rangeOffsets = deltas + (2 * segments);
        var map = new Dictionary<int, int>();
        for (var s = 0; s < segments; s++)
        {
            int start = U16(font, starts + (2 * s)), end = U16(font, ends + (2 * s));
            var delta = U16(font, deltas + (2 * s));
            var rangeOffsetAt = rangeOffsets + (2 * s);
            var rangeOffset = U16(font, rangeOffsetAt);
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    glyph = U16(font, rangeOffsetAt + rangeOffset + (2 * (c - start)));
                    glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                }

                if (glyph != 0)
                {
                    map[c] = glyph;
                }
            }
        }

        return map;
    }

    private static Dictionary<int, int> ReadFormat12(byte[] font, int table)
    {
        var groups = U32(font, table + 12);
        var map = new Dictionary<int, int>();
        for (var g = 0; g < groups; g++)
        {
            var group = table + 16 + (12 * g);
            var start = U32(font, group);
            var end = U32(font, group + 4);
            var firstGlyph = U32(font, group + 8);
            for (var c = start; c <= end; c++)
            {
                var glyph = firstGlyph + (c - start);
                if (glyph != 0)
                {
                    map[(int)c] = (int)glyph;
                }
            }
        }

        return map;
    }

    /// <summary>Where the table named <paramref name="tag"/> starts in the font file.</summary>
    internal static int TableOffset(byte[] font, string tag)
    {
        var tables = U16(font, 4);
        for (var i = 0; i < tables; i++)
        {
            var record = 12 + (16 * i);
            if (Encoding.ASCII.GetString(font, record, 4) == tag)
            {
                return (int)U32(font, record + 8);
            }
        }

        throw new InvalidDataException($"The font has no '{tag}' table.");
    }

    internal static uint U32(byte[] data, int offset) => BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset, 4));
}

using System.Collections.Frozen;
using PdfSharp.Drawing;

namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// The advance width of every character of the embedded faces, read once per process from the same
/// font files PDFsharp draws with (<c>cmap</c>, <c>hmtx</c>, <c>head</c>, <c>hhea</c>). A text's width
/// is the sum of its characters' advances in font units, scaled to the font's size exactly as
/// <see cref="XGraphics.MeasureString(string, XFont)"/> scales it, so both give the same number to the
/// last bit; this one allocates nothing, and a line's width is the sum of its words' widths.
/// </summary>
internal sealed class PdfFontMetrics
{
    private static readonly Lazy<PdfFontMetrics> RegularFace = new(() => Read(bold: false));
    private static readonly Lazy<PdfFontMetrics> BoldFace = new(() => Read(bold: true));

    private readonly FrozenDictionary<int, int> advances;
    private readonly int missingAdvance;

    private PdfFontMetrics(FrozenDictionary<int, int> advances, int missingAdvance, int unitsPerEm)
    {
        this.advances = advances;
        this.missingAdvance = missingAdvance;
        UnitsPerEm = unitsPerEm;
    }

    /// <summary>Font units per em: an advance of this many units is as wide as the font's size.</summary>
    public int UnitsPerEm { get; }

    /// <summary>The metrics of the face <paramref name="font"/> is drawn with.</summary>
    public static PdfFontMetrics Of(XFont font) => font.Bold ? BoldFace.Value : RegularFace.Value;

    /// <summary>
    /// The sum of the advances of <paramref name="text"/>'s characters, in font units. A surrogate pair
    /// is one character; a lone surrogate, like a character the font lacks, has the missing glyph's advance.
    /// </summary>
    public int Advance(ReadOnlySpan<char> text)
    {
        var units = 0;
        for (var i = 0; i < text.Length; i++)
        {
            int codePoint = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                codePoint = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }

            units += advances.TryGetValue(codePoint, out var advance) ? advance : missingAdvance;
        }

        return units;
    }

    /// <summary>An advance in font units, in points at <paramref name="font"/>'s size.</summary>
    public double Points(int units, XFont font) => units * font.Size / UnitsPerEm;

    private static PdfFontMetrics Read(bool bold)
    {
        var font = EmbeddedFontResolver.FaceFile(bold);

        var unitsPerEm = PdfGlyphs.U16(font, PdfGlyphs.TableOffset(font, "head") + 18);
        var metricCount = PdfGlyphs.U16(font, PdfGlyphs.TableOffset(font, "hhea") + 34);
        var hmtx = PdfGlyphs.TableOffset(font, "hmtx");

        // Glyphs past the last horizontal metric share its advance (the table's rule for monospaced tails).
        int AdvanceOf(int glyph) => PdfGlyphs.U16(font, hmtx + (4 * Math.Min(glyph, metricCount - 1)));

        var advances = PdfGlyphs.CharacterMap(font).ToFrozenDictionary(pair => pair.Key, pair => AdvanceOf(pair.Value));
        return new PdfFontMetrics(advances, AdvanceOf(0), unitsPerEm);
    }
}

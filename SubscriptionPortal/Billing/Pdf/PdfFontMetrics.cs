using System.Collections.Frozen;

namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// What the documents need to know of each embedded face, read once per process from its font file:
/// the glyph of every character (<c>cmap</c>), the advance widths (<c>hmtx</c>), the vertical metrics
/// (<c>hhea</c>) and the bounding box (<c>head</c>). A text's width is the sum of its characters'
/// advances in font units, scaled to the font's size; measuring allocates nothing, and a line's width
/// is the sum of its words' widths.
/// </summary>
internal sealed class PdfFontMetrics
{
    private static readonly Lazy<PdfFontMetrics> RegularFace = new(() => Read(bold: false));
    private static readonly Lazy<PdfFontMetrics> BoldFace = new(() => Read(bold: true));

    private readonly FrozenDictionary<int, int> glyphs;

    // The glyph of each character of the Basic Multilingual Plane, by code point (0: the missing glyph). Every character
    // measured or drawn is looked up, and an array is read several times faster than a dictionary; 128 KB per face.
    private readonly ushort[] planeZeroGlyphs = new ushort[0x10000];
    private readonly int[] glyphAdvances;

    private PdfFontMetrics(bool bold, byte[] file, FrozenDictionary<int, int> glyphs, int[] glyphAdvances)
    {
        Bold = bold;
        File = file;
        this.glyphs = glyphs;
        this.glyphAdvances = glyphAdvances;
        foreach (var (codePoint, glyph) in glyphs)
        {
            if (codePoint < planeZeroGlyphs.Length)
            {
                // Glyph ids are 16-bit (TrueType's maxp).
                planeZeroGlyphs[codePoint] = (ushort)glyph;
            }
        }

        var head = PdfGlyphs.TableOffset(file, "head");
        var hhea = PdfGlyphs.TableOffset(file, "hhea");
        UnitsPerEm = PdfGlyphs.U16(file, head + 18);
        BoundingBox = [S16(file, head + 36), S16(file, head + 38), S16(file, head + 40), S16(file, head + 42)];
        Ascender = S16(file, hhea + 4);
        Descender = -S16(file, hhea + 6);
        LineSpacing = Ascender + Descender + S16(file, hhea + 8);
        CapHeight = glyphs.TryGetValue('H', out var h) ? GlyphTop(file, h) : Ascender;
    }

    public bool Bold { get; }

    /// <summary>The face's font file, as embedded (in part) in each document.</summary>
    public byte[] File { get; }

    /// <summary>The face's PostScript name, which a PDF names its font by.</summary>
    public string PostScriptName => Bold ? "DejaVuSans-Bold" : "DejaVuSans";

    /// <summary>Font units per em: an advance of this many units is as wide as the font's size.</summary>
    public int UnitsPerEm { get; }

    /// <summary>From the baseline up to the top of a line, in font units.</summary>
    public int Ascender { get; }

    /// <summary>From the baseline down to the bottom of a line, in font units (a positive number).</summary>
    public int Descender { get; }

    /// <summary>From one baseline to the next, in font units.</summary>
    public int LineSpacing { get; }

    /// <summary>The height of a capital letter (the top of "H"), in font units.</summary>
    public int CapHeight { get; }

    /// <summary>The box every glyph fits in: x min, y min, x max, y max, in font units.</summary>
    public IReadOnlyList<int> BoundingBox { get; }

    /// <summary>The metrics of the regular or the bold face.</summary>
    public static PdfFontMetrics Of(bool bold) => bold ? BoldFace.Value : RegularFace.Value;

    /// <summary>
    /// The sum of the advances of <paramref name="text"/>'s characters, in font units. A surrogate pair
    /// is one character; a lone surrogate, like a character the font lacks, has the missing glyph's advance.
    /// </summary>
    public int Advance(ReadOnlySpan<char> text)
    {
        var units = 0;
        for (var i = 0; i < text.Length; i++)
        {
            units += glyphAdvances[Glyph(NextCodePoint(text, ref i))];
        }

        return units;
    }

    /// <summary>The glyph drawn for <paramref name="codePoint"/>: 0, the missing glyph, when the face has none.</summary>
    public int Glyph(int codePoint) => (uint)codePoint < (uint)planeZeroGlyphs.Length
        ? planeZeroGlyphs[codePoint]
        : glyphs.TryGetValue(codePoint, out var glyph) ? glyph : 0;

    /// <summary>How many glyphs the face has: every glyph id is below this.</summary>
    public int GlyphCount => glyphAdvances.Length;

    /// <summary>A glyph's advance, in font units.</summary>
    public int GlyphAdvance(int glyph) => glyphAdvances[Math.Min(glyph, glyphAdvances.Length - 1)];

    /// <summary>An advance in font units, in points at <paramref name="font"/>'s size.</summary>
    public double Points(int units, PdfFont font) => units * font.Size / UnitsPerEm;

    /// <summary>The code point at <paramref name="index"/>, moving past the low half of a surrogate pair.</summary>
    public static int NextCodePoint(ReadOnlySpan<char> text, ref int index)
    {
        int codePoint = text[index];
        if (char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            codePoint = char.ConvertToUtf32(text[index], text[index + 1]);
            index++;
        }

        return codePoint;
    }

    private static PdfFontMetrics Read(bool bold)
    {
        var font = EmbeddedFonts.FaceFile(bold);
        var metricCount = PdfGlyphs.U16(font, PdfGlyphs.TableOffset(font, "hhea") + 34);
        var glyphCount = PdfGlyphs.U16(font, PdfGlyphs.TableOffset(font, "maxp") + 4);
        var hmtx = PdfGlyphs.TableOffset(font, "hmtx");

        // Glyphs past the last horizontal metric share its advance (the table's rule for monospaced tails).
        var glyphAdvances = new int[glyphCount];
        for (var glyph = 0; glyph < glyphCount; glyph++)
        {
            glyphAdvances[glyph] = PdfGlyphs.U16(font, hmtx + (4 * Math.Min(glyph, metricCount - 1)));
        }

        return new PdfFontMetrics(bold, font, PdfGlyphs.CharacterMap(font).ToFrozenDictionary(), glyphAdvances);
    }

    /// <summary>The top of a glyph's outline (its <c>glyf</c> header's y max), in font units.</summary>
    private static int GlyphTop(byte[] font, int glyph)
    {
        var head = PdfGlyphs.TableOffset(font, "head");
        var loca = PdfGlyphs.TableOffset(font, "loca");
        var longOffsets = S16(font, head + 50) == 1;
        var offset = longOffsets ? (int)PdfGlyphs.U32(font, loca + (4 * glyph)) : 2 * PdfGlyphs.U16(font, loca + (2 * glyph));
        return S16(font, PdfGlyphs.TableOffset(font, "glyf") + offset + 8);
    }

    private static short S16(byte[] data, int offset) => unchecked((short)PdfGlyphs.U16(data, offset));
}

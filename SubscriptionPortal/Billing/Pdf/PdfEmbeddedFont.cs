using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// Writes one face as a document needs it: a composite font (Type0, Identity-H) over a CIDFontType2
/// whose character ids are the glyph ids, the subset of the font program holding only the glyphs drawn,
/// their widths, and a ToUnicode map so the text can be copied and searched. PDF/A wants every font
/// embedded and its widths equal to the program's; both come from the same font file here.
/// </summary>
internal static class PdfEmbeddedFont
{
    // A ToUnicode block may hold at most 100 mappings.
    private const int MappingsPerBlock = 100;

    /// <summary>How many sets of glyphs have their parts kept (a few kilobytes each, about 1.5 MB at most).</summary>
    private const int MaxKept = 128;

    private static readonly ConcurrentDictionary<string, FaceParts> Kept = new(StringComparer.Ordinal);

    /// <summary>Writes the face's objects and returns the number of the font the pages name.</summary>
    public static int Write(PdfFileWriter writer, PdfFontMetrics face, IReadOnlyList<(int Glyph, int CodePoint)> glyphs, string seed)
    {
        var font = writer.Reserve();
        var descendant = writer.Reserve();
        var descriptor = writer.Reserve();
        var program = writer.Reserve();
        var toUnicode = writer.Reserve();
        var name = SubsetTag(seed, face) + "+" + face.PostScriptName;
        var parts = Parts(face, glyphs);

        writer.Dictionary(font, $"/Type/Font/Subtype/Type0/BaseFont/{name}/Encoding/Identity-H/DescendantFonts[{descendant} 0 R]/ToUnicode {toUnicode} 0 R");
        writer.Dictionary(descendant,
            $"/Type/Font/Subtype/CIDFontType2/BaseFont/{name}/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>" +
            $"/FontDescriptor {descriptor} 0 R/DW {Thousandths(face.GlyphAdvance(0), face)}/W[{parts.Widths}]/CIDToGIDMap/Identity");

        var box = face.BoundingBox;
        writer.Dictionary(descriptor,
            $"/Type/FontDescriptor/FontName/{name}/Flags 32/FontBBox[{Thousandths(box[0], face)} {Thousandths(box[1], face)} {Thousandths(box[2], face)} {Thousandths(box[3], face)}]" +
            $"/ItalicAngle 0/Ascent {Thousandths(face.Ascender, face)}/Descent {Thousandths(-face.Descender, face)}/CapHeight {Thousandths(face.CapHeight, face)}" +
            $"/StemV {(face.Bold ? 140 : 80)}/FontFile2 {program} 0 R");

        writer.EncodedStream(program, $"/Length1 {parts.ProgramLength}/Filter/FlateDecode", parts.Program);
        writer.EncodedStream(toUnicode, "/Filter/FlateDecode", parts.ToUnicode);
        return font;
    }

    /// <summary>
    /// The parts of a face's objects that depend only on the glyphs drawn and their characters: the widths array, the
    /// compressed ToUnicode map, and the compressed subset of the program with its length. Most documents draw the
    /// same glyphs (the same labels, the digits, names sharing their letters), and building these parts was about a
    /// quarter of a render: they are kept per face and list of glyphs with their characters, up to
    /// <see cref="MaxKept"/> lists, then the kept ones are dropped and kept again as they come. The bytes are those
    /// building them each time gives.
    /// </summary>
    private static FaceParts Parts(PdfFontMetrics face, IReadOnlyList<(int Glyph, int CodePoint)> glyphs)
    {
        var key = string.Create((glyphs.Count * 3) + 1, (face.Bold, glyphs), (chars, state) =>
        {
            chars[0] = state.Bold ? 'B' : 'R';
            for (var i = 0; i < state.glyphs.Count; i++)
            {
                // Glyph ids are 16-bit (TrueType's maxp): one char each; a character (or -1) takes two.
                var (glyph, codePoint) = state.glyphs[i];
                chars[(3 * i) + 1] = (char)glyph;
                chars[(3 * i) + 2] = (char)(codePoint >> 16);
                chars[(3 * i) + 3] = (char)codePoint;
            }
        });
        if (Kept.TryGetValue(key, out var kept))
        {
            return kept;
        }

        var glyphIds = new int[glyphs.Count];
        for (var i = 0; i < glyphs.Count; i++)
        {
            glyphIds[i] = glyphs[i].Glyph;
        }

        Array.Sort(glyphIds);
        var subset = TrueTypeSubset.Create(face.File, glyphIds);
        var parts = new FaceParts(
            Widths(face, glyphs),
            PdfFileWriter.Deflate(Encoding.ASCII.GetBytes(ToUnicode(glyphs)), PdfFileWriter.StreamCompressionLevel),
            subset.Length,
            PdfFileWriter.Deflate(subset, PdfFileWriter.StreamCompressionLevel));
        if (Kept.Count >= MaxKept)
        {
            Kept.Clear();
        }

        Kept[key] = parts;
        return parts;
    }

    private static string Widths(PdfFontMetrics face, IReadOnlyList<(int Glyph, int CodePoint)> glyphs)
    {
        var widths = new StringBuilder(glyphs.Count * 12);
        foreach (var (glyph, _) in glyphs)
        {
            widths.Append(glyph).Append('[').Append(Thousandths(face.GlyphAdvance(glyph), face)).Append(']');
        }

        return widths.ToString();
    }

    private static string ToUnicode(IReadOnlyList<(int Glyph, int CodePoint)> glyphs)
    {
        var mapped = new List<(int Glyph, int CodePoint)>(glyphs.Count);
        foreach (var pair in glyphs)
        {
            if (pair.CodePoint > 0)
            {
                mapped.Add(pair);
            }
        }

        var cmap = new StringBuilder(512 + (mapped.Count * 16));
        cmap.Append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
            .Append("/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n")
            .Append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
            .Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        for (var start = 0; start < mapped.Count; start += MappingsPerBlock)
        {
            var count = Math.Min(MappingsPerBlock, mapped.Count - start);
            cmap.Append(count).Append(" beginbfchar\n");
            for (var i = start; i < start + count; i++)
            {
                cmap.Append('<').Append(mapped[i].Glyph.ToString("X4", CultureInfo.InvariantCulture)).Append("> <");
                foreach (var unit in char.ConvertFromUtf32(mapped[i].CodePoint))
                {
                    cmap.Append(((int)unit).ToString("X4", CultureInfo.InvariantCulture));
                }

                cmap.Append(">\n");
            }

            cmap.Append("endbfchar\n");
        }

        return cmap.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").ToString();
    }

    /// <summary>Font units in thousandths of the text size, PDF's glyph space.</summary>
    private static string Thousandths(int units, PdfFontMetrics face) =>
        Math.Round(units * 1000.0 / face.UnitsPerEm, 4).ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>
    /// The six capital letters a subset's name starts with, derived from the document so that rendering it
    /// again gives the same bytes, and different in each face.
    /// </summary>
    private static string SubsetTag(string seed, PdfFontMetrics face)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"font:{seed}:{face.PostScriptName}"));
        return string.Create(6, hash, (letters, bytes) =>
        {
            for (var i = 0; i < letters.Length; i++)
            {
                letters[i] = (char)('A' + (bytes[i] % 26));
            }
        });
    }

    private sealed record FaceParts(string Widths, byte[] ToUnicode, int ProgramLength, byte[] Program);
}

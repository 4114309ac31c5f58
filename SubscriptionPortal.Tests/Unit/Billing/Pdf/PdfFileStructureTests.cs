using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using SubscriptionPortal.Billing.Pdf;

namespace SubscriptionPortal.Tests.Unit.Billing.Pdf;

/// <summary>
/// The file the documents' own PDF writer produces, read at the byte level: what a strict reader (or
/// an archive's validator) checks before it looks at a page.
/// </summary>
public sealed partial class PdfFileStructureTests
{
    private readonly PdfDocumentRenderer renderer = new();

    public static TheoryData<string> Samples => ["invoice", "credit note", "long invoice", "longest buyer"];

    [Theory]
    [MemberData(nameof(Samples))]
    public void EveryCrossReference_PointsAtTheObjectItNames(string sample)
    {
        var pdf = Render(sample);
        var text = Encoding.Latin1.GetString(pdf);

        var startXref = int.Parse(StartXref().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.StartsWith("xref\n0 ", text[startXref..], StringComparison.Ordinal);
        var entries = XrefEntry().Matches(text[startXref..]);
        var count = int.Parse(XrefCount().Match(text[startXref..]).Groups[1].Value, CultureInfo.InvariantCulture);

        Assert.Equal(count - 1, entries.Count);
        for (var number = 1; number < count; number++)
        {
            var offset = int.Parse(entries[number - 1].Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.StartsWith($"{number} 0 obj\n", text[offset..], StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void EachStreamsLength_IsTheNumberOfItsBytes(string sample)
    {
        var text = Encoding.Latin1.GetString(Render(sample));

        var streams = StreamWithLength().Matches(text);

        Assert.True(streams.Count >= 8, $"{streams.Count} streams");
        foreach (Match stream in streams)
        {
            var length = int.Parse(stream.Groups[1].Value, CultureInfo.InvariantCulture);
            var start = stream.Index + stream.Length;
            Assert.Equal("\nendstream", text.Substring(start + length, "\nendstream".Length));
        }
    }

    [Fact]
    public void TheFileStartsAsPdfA_WantsIt_WithABinaryComment()
    {
        var pdf = Render("invoice");

        Assert.Equal("%PDF-1.7\n%"u8.ToArray(), pdf[..10]);
        Assert.All(pdf[10..14], b => Assert.True(b > 127));
        Assert.EndsWith("%%EOF\n", Encoding.ASCII.GetString(pdf[^6..]), StringComparison.Ordinal);
    }

    [Fact]
    public void EachEmbeddedFont_HoldsOnlyTheGlyphsTheDocumentDraws()
    {
        var programs = FontPrograms(Render("invoice"));

        // The regular face is written first, then the bold one.
        Assert.Equal(2, programs.Count);
        for (var i = 0; i < programs.Count; i++)
        {
            var face = EmbeddedFonts.FaceFile(bold: i == 1);
            Assert.True(programs[i].Length * 5 < face.Length, $"a subset of {programs[i].Length} bytes for a face of {face.Length}");
        }
    }

    [Fact]
    public void AGlyphOnlyOneDocumentDraws_IsInThatDocumentsSubsetOnly_WhicheverIsRenderedFirst()
    {
        // Subsets are kept per set of glyphs: a document must never get another's, with a glyph more or less.
        var plain = BillingDocumentSamples.Invoice();
        var withSlashedO = plain with { Buyer = BillingDocumentSamples.Buyer with { Name = "Chorale Øresund du Marais" } };
        var slashedO = new[] { PdfFontMetrics.Of(bold: false).Glyph('Ø'), PdfFontMetrics.Of(bold: true).Glyph('Ø') };
        Assert.All(slashedO, glyph => Assert.NotEqual(0, glyph));

        var first = renderer.Render(withSlashedO);
        var between = renderer.Render(plain);
        var again = renderer.Render(withSlashedO);

        Assert.Contains(FontPrograms(first).Select((program, face) => HasOutline(program, slashedO[face])), drawn => drawn);
        Assert.DoesNotContain(FontPrograms(between).Select((program, face) => HasOutline(program, slashedO[face])), drawn => drawn);
        // The widths and the ToUnicode map are kept with the subset: each document lists the glyph, and reads it back, only if it draws it.
        Assert.Contains("> <00D8>", ToUnicodeMaps(first));
        Assert.DoesNotContain("> <00D8>", ToUnicodeMaps(between));
        Assert.Contains(ListedWidths(first).Select((glyphs, face) => glyphs.Contains(slashedO[face])), listed => listed);
        Assert.DoesNotContain(ListedWidths(between).Select((glyphs, face) => glyphs.Contains(slashedO[face])), listed => listed);
        Assert.Equal(first, again);
        Assert.Equal(Render("invoice"), between);
    }

    [Fact]
    public void EachWidthTheFontDictionaryGives_IsTheAdvanceInItsEmbeddedProgram()
    {
        var pdf = Render("invoice");
        var text = Encoding.Latin1.GetString(pdf);
        var programs = FontPrograms(pdf);
        var widthArrays = Widths().Matches(text);

        Assert.Equal(programs.Count, widthArrays.Count);
        for (var f = 0; f < programs.Count; f++)
        {
            var program = programs[f];
            var unitsPerEm = PdfGlyphs.U16(program, PdfGlyphs.TableOffset(program, "head") + 18);
            var metricCount = PdfGlyphs.U16(program, PdfGlyphs.TableOffset(program, "hhea") + 34);
            var hmtx = PdfGlyphs.TableOffset(program, "hmtx");
            var entries = WidthEntry().Matches(widthArrays[f].Groups[1].Value);
            Assert.True(entries.Count > 20, $"{entries.Count} glyphs");
            foreach (Match entry in entries)
            {
                var glyph = int.Parse(entry.Groups[1].Value, CultureInfo.InvariantCulture);
                var width = double.Parse(entry.Groups[2].Value, CultureInfo.InvariantCulture);
                var advance = PdfGlyphs.U16(program, hmtx + (4 * Math.Min(glyph, metricCount - 1)));
                Assert.Equal(advance * 1000.0 / unitsPerEm, width, tolerance: 0.0001);
            }
        }
    }

    [Fact]
    public void ACharacterTheFontsLack_IsDrawnAsTheMissingGlyph_AndReadsBackAsNothing()
    {
        var model = BillingDocumentSamples.Invoice() with
        {
            Buyer = BillingDocumentSamples.Buyer with { Name = "Chorale 漢字 du Marais" },
        };

        var pdf = renderer.Render(model);
        var text = PdfReadBack.Of(pdf).Flat;

        Assert.Contains("Chorale", text);
        Assert.Contains("du Marais", text);
        Assert.DoesNotContain("漢", text);
        var mappings = ToUnicodeMaps(pdf).Split("beginbfchar").Skip(1).Select(block => block[..block.IndexOf("endbfchar", StringComparison.Ordinal)]);
        Assert.DoesNotContain(mappings, block => block.Contains("<0000>", StringComparison.Ordinal));
    }

    [Fact]
    public void TheTwoFaces_HaveSubsetNamesOfTheirOwn_ThatTheSameDocumentAlwaysGets()
    {
        var first = BaseFonts(Render("invoice"));
        var again = BaseFonts(Render("invoice"));
        var other = BaseFonts(renderer.Render(BillingDocumentSamples.Invoice() with { Number = "F-2026-000124" }));

        Assert.Equal(2, first.Distinct().Count());
        Assert.All(first, name => Assert.Matches("^[A-Z]{6}\\+DejaVuSans(-Bold)?$", name));
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    private byte[] Render(string sample) => renderer.Render(sample switch
    {
        "credit note" => BillingDocumentSamples.CreditNote(),
        "long invoice" => BillingDocumentSamples.LongInvoice(),
        "longest buyer" => MaximalSamples.Invoice(),
        _ => BillingDocumentSamples.Invoice(),
    });

    private static List<byte[]> FontPrograms(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var programs = new List<byte[]>();
        foreach (Match stream in FontProgram().Matches(text))
        {
            var start = stream.Index + stream.Length;
            var length = int.Parse(stream.Groups[1].Value, CultureInfo.InvariantCulture);
            programs.Add(Inflate(pdf.AsSpan(start, length)));
        }

        return programs;
    }

    /// <summary>Whether <paramref name="glyph"/> has an outline in the program: its entry in <c>glyf</c> is not empty.</summary>
    private static bool HasOutline(byte[] program, int glyph)
    {
        var longOffsets = PdfGlyphs.U16(program, PdfGlyphs.TableOffset(program, "head") + 50) == 1;
        var loca = PdfGlyphs.TableOffset(program, "loca");
        return longOffsets
            ? PdfGlyphs.U32(program, loca + (4 * (glyph + 1))) > PdfGlyphs.U32(program, loca + (4 * glyph))
            : PdfGlyphs.U16(program, loca + (2 * (glyph + 1))) > PdfGlyphs.U16(program, loca + (2 * glyph));
    }

    private static string ToUnicodeMaps(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var maps = new StringBuilder();
        foreach (Match stream in StreamWithLength().Matches(text))
        {
            var length = int.Parse(stream.Groups[1].Value, CultureInfo.InvariantCulture);
            if (!stream.Value.Contains("/FlateDecode", StringComparison.Ordinal))
            {
                continue;
            }

            var content = Encoding.Latin1.GetString(Inflate(pdf.AsSpan(stream.Index + stream.Length, length)));
            if (content.Contains("begincmap", StringComparison.Ordinal))
            {
                maps.Append(content);
            }
        }

        return maps.ToString();
    }

    /// <summary>Per face, the glyphs the font dictionary gives a width for.</summary>
    private static List<HashSet<int>> ListedWidths(byte[] pdf) =>
        [.. Widths().Matches(Encoding.Latin1.GetString(pdf)).Select(widths =>
            WidthEntry().Matches(widths.Groups[1].Value).Select(entry => int.Parse(entry.Groups[1].Value, CultureInfo.InvariantCulture)).ToHashSet())];

    private static List<string> BaseFonts(byte[] pdf) =>
        [.. Type0Font().Matches(Encoding.Latin1.GetString(pdf)).Select(m => m.Groups[1].Value)];

    private static byte[] Inflate(ReadOnlySpan<byte> data)
    {
        using var input = new MemoryStream(data.ToArray());
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        zlib.CopyTo(output);
        return output.ToArray();
    }

    [GeneratedRegex(@"startxref\n(\d+)\n%%EOF\n$")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"^xref\n0 (\d+)\n")]
    private static partial Regex XrefCount();

    [GeneratedRegex(@"(\d{10}) 00000 n \n")]
    private static partial Regex XrefEntry();

    [GeneratedRegex(@"<<[^\n]*?/Length (\d+) *>>\nstream\n")]
    private static partial Regex StreamWithLength();

    [GeneratedRegex(@"<</Length1 \d+/Filter/FlateDecode/Length (\d+) *>>\nstream\n")]
    private static partial Regex FontProgram();

    [GeneratedRegex(@"/Subtype/CIDFontType2/[^\n]*?/W\[([^\]]*(?:\][^\]]*)*?)\]/CIDToGIDMap")]
    private static partial Regex Widths();

    [GeneratedRegex(@"(\d+)\[([\d.]+)\]")]
    private static partial Regex WidthEntry();

    [GeneratedRegex(@"/Subtype/Type0/BaseFont/([A-Za-z+-]+)/")]
    private static partial Regex Type0Font();
}

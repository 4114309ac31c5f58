using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SubscriptionPortal.Billing.Pdf;

namespace SubscriptionPortal.Tests.Unit.Billing.Pdf;

/// <summary>
/// The subset embedded as a CIDFontType2 <c>/FontFile2</c> keeps every glyph id, so a PDF viewer finds
/// each glyph the document names at the same place as in the whole font. These tests read the subset
/// back table by table and compare it with the original. The shipped DejaVu faces hold no composite
/// glyph (their README: they were flattened for PDFsharp), so composites are checked on a small font
/// built here.
/// </summary>
public sealed class TrueTypeSubsetTests
{
    private const string Invoice = "Facture n° F-2026-000123 — Élodie Dupré, 1 234,56 €";

    private const string InvoicePage = Invoice + " Échéance : 17/03/2026. Total TTC à payer, TVA 20 % incluse. "
        + "Quantité × Prix unitaire HT = Montant. IBAN FR76 BIC Siège social : SAS Kyma, capital 10 000 € (RCS Lyon) ; pénalités de retard.";

    // The built font: glyph 3 is glyph 1 with glyphs 2 and 5 on it, glyph 6 is glyph 3 with glyph 7; the
    // others are plain outlines. Each kind of component record (word or byte offsets, one scale, two
    // scales, a 2 by 2 matrix) is followed by another, so a record read at the wrong length shows.
    // The five full metrics stop before the last glyphs, which share an advance.
    private const int Base = 1, Accent = 2, AccentedLetter = 3, Cedilla = 5, DoublyComposed = 6, LaterPart = 7, Tail = 8;

    public static TheoryData<bool> Faces => [false, true];

    [Theory]
    [MemberData(nameof(Faces))]
    public void EachGlyphOfAText_KeepsItsOutlineByteForByte(bool bold)
    {
        var font = EmbeddedFonts.FaceFile(bold);
        var glyphs = GlyphsOf(font, Invoice);

        var subset = TrueTypeSubset.Create(font, glyphs);

        Assert.All(glyphs.Append(0), glyph => AssertSameOutline(font, subset, glyph));
    }

    [Theory]
    [MemberData(nameof(Faces))]
    public void GlyphsNotAskedFor_AreEmpty(bool bold)
    {
        var font = EmbeddedFonts.FaceFile(bold);
        var glyphs = GlyphsOf(font, Invoice);

        var subset = TrueTypeSubset.Create(font, glyphs);

        var unasked = Enumerable.Range(0, NumGlyphs(subset)).Except(glyphs.Append(0)).ToList();
        Assert.True(unasked.Count > 1000, $"{unasked.Count} glyphs not asked for");
        Assert.All(unasked, glyph => Assert.Empty(GlyphBytes(subset, glyph)));
        Assert.Contains(unasked, glyph => GlyphBytes(font, glyph).Length > 0);
    }

    [Fact]
    public void AComposedLetter_BringsTheGlyphsItIsMadeOf()
    {
        var font = BuiltFont();

        var subset = TrueTypeSubset.Create(font, [AccentedLetter]);

        Assert.Equal(Cedilla + 1, NumGlyphs(subset));
        Assert.Equal([0, Base, Accent, AccentedLetter, Cedilla], KeptGlyphs(subset));
        Assert.All(KeptGlyphs(subset), glyph => AssertSameOutline(font, subset, glyph));
    }

    [Fact]
    public void AComponentThatIsItselfComposed_BringsItsOwnParts_EvenAfterTheComposite()
    {
        var font = BuiltFont();

        var subset = TrueTypeSubset.Create(font, [DoublyComposed]);

        // Glyph 7 comes after the composite that uses it: the glyph count follows it.
        Assert.Equal(LaterPart + 1, NumGlyphs(subset));
        Assert.Equal([0, Base, Accent, AccentedLetter, Cedilla, DoublyComposed, LaterPart], KeptGlyphs(subset));
        Assert.All(KeptGlyphs(subset), glyph => AssertSameOutline(font, subset, glyph));
    }

    [Fact]
    public void ACompositeCutInTheMiddleOfAComponent_IsRefused()
    {
        var glyphs = BuiltGlyphs();
        glyphs[AccentedLetter] = glyphs[AccentedLetter][..16];

        var error = Assert.Throws<InvalidDataException>(() => TrueTypeSubset.Create(BuildFont(glyphs, metricCount: 5, hinting: true), [AccentedLetter]));

        Assert.Contains($"glyph {AccentedLetter}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Faces))]
    public void TheFaces_KeepOnlyTheOutlineAndMetricTables(bool bold)
    {
        var subset = TrueTypeSubset.Create(EmbeddedFonts.FaceFile(bold), [36]);

        // The shipped faces have no hinting tables.
        Assert.Equal(["glyf", "head", "hhea", "hmtx", "loca", "maxp"], Tables(subset).Keys);
    }

    [Fact]
    public void HintingTables_AreCopiedAsTheyAre()
    {
        var font = BuiltFont();

        var subset = TrueTypeSubset.Create(font, [Base]);

        Assert.Equal(["cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"], Tables(subset).Keys);
        Assert.All(["cvt ", "fpgm", "prep"], tag => Assert.Equal(Table(font, tag).ToArray(), Table(subset, tag).ToArray()));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void TableChecksumsAndTheFileAdjustment_AreRight(bool bold, bool built)
    {
        var font = built ? BuiltFont() : EmbeddedFonts.FaceFile(bold);
        var subset = TrueTypeSubset.Create(font, built ? [DoublyComposed] : GlyphsOf(font, InvoicePage));

        var tables = Tables(subset);
        Assert.All(tables, table =>
        {
            var (tag, (checksum, offset, length)) = (table.Key, table.Value);
            Assert.Equal(0, offset % 4);
            var padded = subset.AsSpan(offset, (length + 3) & ~3).ToArray();
            if (tag == "head")
            {
                padded.AsSpan(8, 4).Clear();
            }

            Assert.True(checksum == Checksum(padded), $"checksum of '{tag}'");
        });
        Assert.Equal(0xB1B0AFBAu, Checksum(subset));
        Assert.Equal(0, subset.Length % 4);
    }

    [Theory]
    [MemberData(nameof(Faces))]
    public void TheDirectory_IsSortedByTagWithItsBinarySearchFields(bool bold)
    {
        var subset = TrueTypeSubset.Create(EmbeddedFonts.FaceFile(bold), [36]);

        Assert.Equal(0x00010000u, BinaryPrimitives.ReadUInt32BigEndian(subset));
        Assert.Equal(6, U16(subset, 4));
        Assert.Equal(4 * 16, U16(subset, 6));
        Assert.Equal(2, U16(subset, 8));
        Assert.Equal((6 * 16) - (4 * 16), U16(subset, 10));
        Assert.Equal(Tables(subset).Keys.Order(StringComparer.Ordinal), Tables(subset).Keys);
    }

    [Theory]
    [MemberData(nameof(Faces))]
    public void EachKeptGlyph_KeepsItsAdvanceAndLeftSideBearing_AndTheGlyphsLeftEmptyHaveZeros(bool bold)
    {
        var font = EmbeddedFonts.FaceFile(bold);
        var glyphs = GlyphsOf(font, Invoice);

        var subset = TrueTypeSubset.Create(font, glyphs);

        // The space has no outline but is kept; an accented letter brings components nobody asked for.
        var kept = glyphs.Append(0).Union(KeptGlyphs(subset)).ToHashSet();
        Assert.Contains(GlyphsOf(font, " ")[0], kept);
        Assert.All(kept, glyph => Assert.Equal(Metrics(font, glyph), Metrics(subset, glyph)));
        var empty = Enumerable.Range(0, NumGlyphs(subset)).Where(glyph => !kept.Contains(glyph)).ToList();
        Assert.True(empty.Count > 1000, $"{empty.Count} glyphs left empty");
        Assert.All(empty, glyph => Assert.Equal((0, 0), Metrics(subset, glyph)));
    }

    [Theory]
    [MemberData(nameof(Faces))]
    public void TheMetricsTable_CompressesToAFractionOfTheOriginalsOverTheSameGlyphs(bool bold)
    {
        var font = EmbeddedFonts.FaceFile(bold);
        var subset = TrueTypeSubset.Create(font, GlyphsOf(font, Invoice));

        // The faces give every glyph a full metric, so the original's values for the same glyphs are its first bytes.
        Assert.Equal(NumGlyphs(subset), U16(subset, Table(subset, "hhea").Offset + 34));
        var hmtx = Table(subset, "hmtx");
        var (compressed, original) = (Deflated(hmtx[..]), Deflated(Table(font, "hmtx")[..hmtx.Length]));
        Assert.True(compressed * 4 < original, $"{compressed} bytes compressed against {original} for the original's values");
    }

    [Fact]
    public void GlyphsAfterTheLastFullMetric_KeepTheSharedAdvanceAndTheirOwnBearing()
    {
        var font = BuiltFont();

        var subset = TrueTypeSubset.Create(font, [Tail]);

        Assert.Equal(5, U16(subset, Table(subset, "hhea").Offset + 34));
        Assert.Equal((5 * 4) + ((Tail + 1 - 5) * 2), Tables(subset)["hmtx"].Length);
        Assert.Equal(Metrics(font, 0), Metrics(subset, 0));
        Assert.Equal(Metrics(font, Tail), Metrics(subset, Tail));
        var sharedAdvance = Metrics(font, 4).Advance;
        Assert.All(Enumerable.Range(1, 3), glyph => Assert.Equal((0, 0), Metrics(subset, glyph)));
        Assert.All(Enumerable.Range(4, Tail - 4), glyph => Assert.Equal((sharedAdvance, 0), Metrics(subset, glyph)));
    }

    [Theory]
    [MemberData(nameof(Faces))]
    public void GlyphCountLocaAndHmtx_AgreeAndEndAtTheHighestKeptGlyph(bool bold)
    {
        var font = EmbeddedFonts.FaceFile(bold);
        var glyphs = GlyphsOf(font, Invoice);

        var subset = TrueTypeSubset.Create(font, glyphs);

        var numGlyphs = glyphs.Max() + 1;
        var metrics = U16(subset, Table(subset, "hhea").Offset + 34);
        Assert.Equal(numGlyphs, NumGlyphs(subset));
        Assert.Equal(Math.Min(U16(font, Table(font, "hhea").Offset + 34), numGlyphs), metrics);
        Assert.Equal(1, U16(subset, Table(subset, "head").Offset + 50));
        Assert.Equal(4 * (numGlyphs + 1), Tables(subset)["loca"].Length);
        Assert.Equal((4 * metrics) + (2 * (numGlyphs - metrics)), Tables(subset)["hmtx"].Length);
        Assert.Equal(Tables(subset)["glyf"].Length, (int)BinaryPrimitives.ReadUInt32BigEndian(Table(subset, "loca")[(4 * numGlyphs)..]));
    }

    [Fact]
    public void NoGlyphAskedFor_KeepsGlyphZeroAlone()
    {
        var font = EmbeddedFonts.FaceFile(bold: false);

        var subset = TrueTypeSubset.Create(font, []);

        Assert.Equal(1, NumGlyphs(subset));
        AssertSameOutline(font, subset, 0);
    }

    [Fact]
    public void IdsOutsideTheFont_AreIgnored()
    {
        var font = EmbeddedFonts.FaceFile(bold: false);
        var numGlyphs = NumGlyphs(font);

        var subset = TrueTypeSubset.Create(font, [-1, 36, numGlyphs, 70_000, int.MinValue, int.MaxValue]);

        Assert.Equal(TrueTypeSubset.Create(font, [36]), subset);
        Assert.Equal(37, NumGlyphs(subset));
    }

    [Fact]
    public void TheCollectionsKind_OrderAndRepeats_ChangeNothing()
    {
        var font = EmbeddedFonts.FaceFile(bold: true);
        var glyphs = GlyphsOf(font, InvoicePage);

        var fromArray = TrueTypeSubset.Create(font, glyphs);

        Assert.Equal(fromArray, TrueTypeSubset.Create(font, Enumerable.Reverse(glyphs).ToList()));
        Assert.Equal(fromArray, TrueTypeSubset.Create(font, new HashSet<int>(glyphs.Concat(glyphs))));
        Assert.Equal(fromArray, TrueTypeSubset.Create(font, new SortedSet<int>(glyphs)));
    }

    [Theory]
    [MemberData(nameof(Faces))]
    public void TwoCalls_GiveTheSameBytes(bool bold)
    {
        var font = EmbeddedFonts.FaceFile(bold);
        var glyphs = GlyphsOf(font, InvoicePage);

        Assert.Equal(TrueTypeSubset.Create(font, glyphs), TrueTypeSubset.Create(font, glyphs));
    }

    [Theory]
    [MemberData(nameof(Faces))]
    public void AnInvoicePageOfSixtyGlyphs_WeighsLessThanATenthOfTheFont(bool bold)
    {
        var font = EmbeddedFonts.FaceFile(bold);
        var glyphs = GlyphsOf(font, InvoicePage);

        var subset = TrueTypeSubset.Create(font, glyphs);

        Assert.InRange(glyphs.Length, 55, 70);
        Assert.True(subset.Length < font.Length / 10, $"{subset.Length} bytes of {font.Length}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(100)]
    [InlineData(9_000)]
    [InlineData(80_000)]
    [InlineData(-4)]
    public void ATruncatedFont_IsRefused(int length)
    {
        var font = EmbeddedFonts.FaceFile(bold: false);
        var truncated = font[..(length >= 0 ? length : font.Length + length)];

        Assert.Throws<InvalidDataException>(() => TrueTypeSubset.Create(truncated, GlyphsOf(font, Invoice)));
    }

    [Theory]
    [InlineData("glyf")]
    [InlineData("loca")]
    [InlineData("head")]
    [InlineData("hmtx")]
    public void AFontMissingATableTheSubsetNeeds_IsRefusedNamingIt(string tag)
    {
        var font = EmbeddedFonts.FaceFile(bold: true).ToArray();
        var record = Enumerable.Range(0, U16(font, 4)).Select(i => 12 + (16 * i)).Single(r => Encoding.ASCII.GetString(font, r, 4) == tag);
        font[record + 3] = (byte)'_';

        var error = Assert.Throws<InvalidDataException>(() => TrueTypeSubset.Create(font, [36]));

        Assert.Contains($"'{tag}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AGlyphReachingPastGlyf_IsRefused()
    {
        var font = EmbeddedFonts.FaceFile(bold: true).ToArray();
        var loca = Table(font, "loca").Offset;
        BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(loca + (4 * 37)), 0x00FFFFFF);

        Assert.Throws<InvalidDataException>(() => TrueTypeSubset.Create(font, [36]));
    }

    /// <summary>
    /// The subset holds the original's bytes, then zeros to the next multiple of 4. (The built font pads
    /// its glyphs to 2 bytes itself, for its short <c>loca</c>: those zeros count as the original's.)
    /// </summary>
    private static void AssertSameOutline(byte[] font, byte[] subset, int glyph)
    {
        var original = GlyphBytes(font, glyph);
        var kept = GlyphBytes(subset, glyph);
        Assert.Equal((original.Length + 3) & ~3, kept.Length);
        Assert.Equal(original, kept[..original.Length]);
        Assert.All(kept[original.Length..], padding => Assert.Equal(0, padding));
    }

    private static int[] GlyphsOf(byte[] font, string text)
    {
        var map = PdfGlyphs.CharacterMap(font);
        return [.. text.EnumerateRunes().Select(rune => map[rune.Value]).Distinct()];
    }

    private static int[] KeptGlyphs(byte[] subset) =>
        [.. Enumerable.Range(0, NumGlyphs(subset)).Where(glyph => GlyphBytes(subset, glyph).Length > 0)];

    private static int NumGlyphs(byte[] font) => U16(font, Table(font, "maxp").Offset + 4);

    private static byte[] GlyphBytes(byte[] font, int glyph)
    {
        var (loca, glyf) = (Table(font, "loca"), Table(font, "glyf"));
        var isLong = U16(font, Table(font, "head").Offset + 50) == 1;
        int Location(int g) => isLong ? (int)BinaryPrimitives.ReadUInt32BigEndian(loca[(4 * g)..]) : 2 * BinaryPrimitives.ReadUInt16BigEndian(loca[(2 * g)..]);
        return glyf[Location(glyph)..Location(glyph + 1)].ToArray();
    }

    private static int Deflated(ReadOnlySpan<byte> bytes)
    {
        using var output = new MemoryStream();
        using (var deflate = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(bytes);
        }

        return (int)output.Length;
    }

    private static (int Advance, int LeftSideBearing) Metrics(byte[] font, int glyph)
    {
        var hmtx = Table(font, "hmtx").Offset;
        var metrics = U16(font, Table(font, "hhea").Offset + 34);
        var advance = U16(font, hmtx + (4 * Math.Min(glyph, metrics - 1)));
        var bearing = glyph < metrics ? U16(font, hmtx + (4 * glyph) + 2) : U16(font, hmtx + (4 * metrics) + (2 * (glyph - metrics)));
        return (advance, (short)bearing);
    }

    private static Dictionary<string, (uint Checksum, int Offset, int Length)> Tables(byte[] font) =>
        Enumerable.Range(0, U16(font, 4))
            .Select(i => 12 + (16 * i))
            .ToDictionary(
                record => Encoding.ASCII.GetString(font, record, 4),
                record => (BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 4)),
                    (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 8)),
                    (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 12))));

    private static TableSlice Table(byte[] font, string tag)
    {
        var (_, offset, length) = Tables(font)[tag];
        return new TableSlice(font, offset, length);
    }

    private static uint Checksum(byte[] data)
    {
        uint sum = 0;
        for (var at = 0; at < data.Length; at += 4)
        {
            sum += BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(at));
        }

        return sum;
    }

    private static int U16(byte[] data, int offset) => PdfGlyphs.U16(data, offset);

    private readonly record struct TableSlice(byte[] Font, int Offset, int Length)
    {
        public ReadOnlySpan<byte> this[Range range] => Font.AsSpan(Offset, Length)[range];

        public byte[] ToArray() => Font.AsSpan(Offset, Length).ToArray();
    }

    private static byte[] BuiltFont() => BuildFont(BuiltGlyphs(), metricCount: 5, hinting: true);

    private static byte[][] BuiltGlyphs()
    {
        const ushort Words = 0x0001, XyValues = 0x0002, Scale = 0x0008, More = 0x0020, XAndYScale = 0x0040, TwoByTwo = 0x0080;
        var glyphs = Enumerable.Range(0, Tail + 1).Select(SimpleGlyph).ToArray();
        glyphs[AccentedLetter] = Composite(
            Component(Words | XyValues | Scale | More, Base, [0, 0, 0, 0, 0x40, 0x00]),
            Component(XyValues | TwoByTwo | More, Accent, [10, 250, 0x40, 0, 0, 0, 0, 0, 0x40, 0]),
            Component(XyValues, Cedilla, [20, 0]));
        glyphs[DoublyComposed] = Composite(
            Component(XyValues | XAndYScale | More, AccentedLetter, [0, 0, 0x40, 0, 0x40, 0]),
            Component(Words | XyValues, LaterPart, [0, 100, 0, 0]));
        return glyphs;

        static byte[] Component(int flags, int glyph, byte[] arguments) =>
            [(byte)(flags >> 8), (byte)flags, (byte)(glyph >> 8), (byte)glyph, .. arguments];

        static byte[] Composite(params byte[][] components) =>
            [0xFF, 0xFF, 0, 0, 0, 0, 0x01, 0xF4, 0x02, 0xBC, .. components.SelectMany(c => c)];
    }

    // A triangle, its size varying with the glyph so no two outlines are equal.
    private static byte[] SimpleGlyph(int glyph) =>
    [
        0, 1, 0, 0, 0, 0, 0, 100, 0, (byte)(100 + glyph), // one contour, bounding box
        0, 2, 0, 0, // last point 2, no instructions
        1, 1, 1, // three points on the curve, coordinates as int16
        0, 0, 0, 100, 0, 0,
        0, 0, 0, 0, 0, (byte)(100 + glyph),
    ];

    private static byte[] BuildFont(byte[][] glyphs, int metricCount, bool hinting)
    {
        var numGlyphs = glyphs.Length;
        var glyf = new List<byte>();
        var loca = new List<byte>();
        foreach (var glyph in glyphs)
        {
            loca.AddRange(BigEndian16(glyf.Count / 2));
            glyf.AddRange(glyph);
            glyf.AddRange(new byte[glyph.Length % 2]); // short offsets count words
        }

        loca.AddRange(BigEndian16(glyf.Count / 2));

        var head = new byte[54];
        BinaryPrimitives.WriteUInt32BigEndian(head, 0x00010000);
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(12), 0x5F0F3CF5);
        BinaryPrimitives.WriteUInt16BigEndian(head.AsSpan(18), 1000);
        var hhea = new byte[36];
        BinaryPrimitives.WriteUInt32BigEndian(hhea, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(hhea.AsSpan(34), (ushort)metricCount);
        var maxp = new byte[32];
        BinaryPrimitives.WriteUInt32BigEndian(maxp, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(maxp.AsSpan(4), (ushort)numGlyphs);
        var hmtx = new List<byte>();
        for (var glyph = 0; glyph < numGlyphs; glyph++)
        {
            if (glyph < metricCount)
            {
                hmtx.AddRange(BigEndian16(500 + (10 * glyph)));
            }

            hmtx.AddRange(BigEndian16(glyph - 3));
        }

        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["glyf"] = [.. glyf], ["head"] = head, ["hhea"] = hhea, ["hmtx"] = [.. hmtx],
            ["loca"] = [.. loca], ["maxp"] = maxp, ["name"] = [0, 0, 0, 0, 0, 6],
        };
        if (hinting)
        {
            tables["cvt "] = [0, 10, 0, 20, 0, 30];
            tables["fpgm"] = [0xB0, 0x01, 0x2C];
            tables["prep"] = [0xB8, 0x01, 0xFF, 0x85];
        }

        // Checksums are left at 0: the subsetter does not read them.
        var file = new List<byte>();
        file.AddRange([0, 1, 0, 0, .. BigEndian16(tables.Count), 0, 0, 0, 0, 0, 0]);
        var offset = 12 + (16 * tables.Count);
        foreach (var (tag, data) in tables)
        {
            file.AddRange([.. Encoding.ASCII.GetBytes(tag), 0, 0, 0, 0, .. BigEndian32(offset), .. BigEndian32(data.Length)]);
            offset += (data.Length + 3) & ~3;
        }

        foreach (var data in tables.Values)
        {
            file.AddRange(data);
            file.AddRange(new byte[((data.Length + 3) & ~3) - data.Length]);
        }

        return [.. file];

        static byte[] BigEndian16(int value) => [(byte)(value >> 8), (byte)value];

        static byte[] BigEndian32(int value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];
    }
}

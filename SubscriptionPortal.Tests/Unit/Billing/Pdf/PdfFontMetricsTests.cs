using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using SubscriptionPortal.Billing.Pdf;

namespace SubscriptionPortal.Tests.Unit.Billing.Pdf;

/// <summary>
/// The renderer measures text with the fonts' own advance widths. These tests hold it to PDFsharp's
/// figures to the last bit, an independent reading of the same font files, and its wrap to the lines a
/// wrap measured by PDFsharp gives, so the documents' layout stays what it was when PDFsharp drew them.
/// </summary>
public sealed class PdfFontMetricsTests : IDisposable
{
    private static readonly double[] Sizes = [6.5, 7.5, 8, 8.5, 9, 9.5, 10, 11, 14, 20];

    private readonly PdfDocument document;
    private readonly XGraphics graphics;

    public PdfFontMetricsTests()
    {
        PdfSharpReference.EnsureInstalled();
        document = new PdfDocument();
        graphics = XGraphics.FromPdfPage(document.AddPage());
    }

    public void Dispose()
    {
        graphics.Dispose();
        document.Dispose();
    }

    public static TheoryData<bool> Faces => [false, true];

    [Theory]
    [MemberData(nameof(Faces))]
    public void EveryPrintableCharacter_HasTheWidthPdfSharpMeasures(bool bold)
    {
        var font = new PdfFont(bold, 8.5);
        var printable = Enumerable.Range(0x20, 0x2FFF - 0x20)
            .Where(Rune.IsValid)
            .Select(c => new Rune(c))
            .Where(PdfGlyphs.CanPrint)
            .Select(r => r.ToString())
            .ToList();

        var different = printable.Where(c => font.Width(c) != graphics.MeasureString(c, Reference(font)).Width).ToList();

        Assert.True(printable.Count > 1200, $"{printable.Count} characters compared");
        Assert.Empty(different);
    }

    [Theory]
    [MemberData(nameof(Faces))]
    public void EveryCharacter_IsDrawnWithTheGlyphTheFontsMapGives_AndOneTheFontLacksWithTheMissingGlyph(bool bold)
    {
        var metrics = PdfFontMetrics.Of(bold);
        var map = PdfGlyphs.CharacterMap(EmbeddedFonts.FaceFile(bold));

        // Every code point of the first plane, and past it those the map names and the ones around them.
        var beyond = map.Keys.Where(c => c > 0xFFFF).SelectMany(c => new[] { c - 1, c, c + 1 });
        var wrong = Enumerable.Range(0, 0x10000).Concat(beyond).Concat([0x10FFFF, -1])
            .Where(c => metrics.Glyph(c) != map.GetValueOrDefault(c))
            .ToList();

        Assert.True(map.Count > 1000, $"{map.Count} characters in the map");
        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("Chorale du Marais — 4 place des Vosges, 75004 Paris")]
    [InlineData("Pénalités de retard : trois fois le taux d'intérêt légal, à compter du lendemain de l'échéance.")]
    [InlineData("1 234,56\u00a0€ TTC")]
    [InlineData("ΑΒΓ Жук Œuvre ß ự «»")]
    [InlineData("漢字 and 😀 the fonts lack")]
    [InlineData("a lone \ud800 high and \udc00 low surrogate")]
    [InlineData("WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW")]
    public void AnyText_AtEveryTextSizeOfTheDocuments_HasTheWidthPdfSharpMeasures(string text)
    {
        foreach (var bold in new[] { false, true })
        {
            foreach (var size in Sizes)
            {
                var font = new PdfFont(bold, size);
                Assert.Equal(graphics.MeasureString(text, Reference(font)).Width, font.Width(text));
            }
        }
    }

    [Theory]
    [InlineData("Late-payment penalties at three times the French legal interest rate, from the day after the collection date; a fixed indemnity of 40 € for collection costs.", 120)]
    [InlineData("two  spaces,   three, and\na new line\n\nand an empty one", 60)]
    [InlineData("Association sportive et culturelle des habitants du quartier Saint-Germain-des-Prés", 90)]
    [InlineData("Anticonstitutionnellementanticonstitutionnellementanticonstitutionnellement mot", 70)]
    [InlineData("𝔘𝔫𝔦𝔠𝔬𝔡𝔢𝔘𝔫𝔦𝔠𝔬𝔡𝔢𝔘𝔫𝔦𝔠𝔬𝔡𝔢 beyond the first plane", 30)]
    [InlineData("W", 1)]
    [InlineData("", 100)]
    public void Wrap_BreaksWhereAWrapMeasuredByPdfSharpBreaks(string text, double width)
    {
        foreach (var bold in new[] { false, true })
        {
            foreach (var size in Sizes)
            {
                var font = new PdfFont(bold, size);
                Assert.Equal(WrapMeasuredByPdfSharp(text, Reference(font), width), PdfCanvas.Wrap(text, font, width));
            }
        }
    }

    [Fact]
    public void Wrap_NeverLeavesALineWiderThanTheBoxUnlessItIsOneCharacter()
    {
        var font = new PdfFont(Bold: true, 9);
        var text = string.Join(' ', Enumerable.Repeat("Chorale-du-Marais-et-de-la-Bastille", 12));

        var lines = PdfCanvas.Wrap(text, font, 75);

        Assert.True(lines.Count > 12);
        Assert.All(lines, line => Assert.True(graphics.MeasureString(line, Reference(font)).Width <= 75 || line.Length == 1, line));
        Assert.Equal(text.Replace(" ", "", StringComparison.Ordinal), string.Concat(lines));
    }

    [Fact]
    public void Wrap_InABoxNarrowerThanOneCharacter_PutsEachCharacterOnItsLine_SurrogatePairsWhole()
    {
        var font = new PdfFont(Bold: false, 9);

        Assert.Equal(["A", "𝔘", "𝔫", "b"], PdfCanvas.Wrap("A𝔘𝔫b", font, 1));
        Assert.Equal(["𝔘"], PdfCanvas.Wrap("𝔘", font, 1));
    }

    [Theory]
    [MemberData(nameof(Faces))]
    public void LineHeightAndAscent_AreThoseOfPdfSharp(bool bold)
    {
        foreach (var size in Sizes)
        {
            var font = new PdfFont(bold, size);
            var reference = Reference(font);

            Assert.Equal(reference.GetHeight(), font.LineHeight, 10);
            Assert.Equal(size * reference.Metrics.Ascent / reference.Metrics.UnitsPerEm, font.Ascent, 10);
        }
    }

    private static XFont Reference(PdfFont font) =>
        new(PdfSharpReference.FamilyName, font.Size, font.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    /// <summary>The wrap as the renderer did it before: every candidate line measured by PDFsharp.</summary>
    private List<string> WrapMeasuredByPdfSharp(string text, XFont font, double width)
    {
        double Width(string s) => graphics.MeasureString(s, font).Width;
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var current = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (Width(candidate) <= width)
                {
                    current = candidate;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current);
                }

                current = word;
                while (Width(current) > width && current.Length > 1)
                {
                    var fit = current.Length - 1;
                    while (fit > 1 && Width(current[..fit]) > width)
                    {
                        fit--;
                    }

                    fit = char.IsLowSurrogate(current[fit]) ? fit - 1 : fit;
                    lines.Add(current[..fit]);
                    current = current[fit..];
                }
            }

            lines.Add(current);
        }

        return lines;
    }
}

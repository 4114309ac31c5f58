using System.Globalization;
using System.Text;
using SubscriptionPortal.Billing.Pdf;

namespace SubscriptionPortal.Tests.Unit.Billing.Pdf;

/// <summary>The small pieces the PDF writer is made of: numbers, text strings and object bookkeeping.</summary>
public sealed class PdfWriterPartsTests
{
    [Fact]
    public void Coordinates_AreWrittenWithAtMostFourDecimals_NeverAsAnExponentOrANegativeZero()
    {
        using var page = new PdfPageContent(new PdfGlyphUse(), pageHeight: 842);

        page.FillRectangle(new PdfColor(0, 0, 0), 0.00000001, 842, 1234567.123456, -0.00001);

        var content = Encoding.ASCII.GetString(page.Bytes);
        Assert.Equal("0 0 0 rg 0 0 1234567.1235 0 re f\n", content);
    }

    [Fact]
    public void Numbers_AreWrittenAsTheInvariantFormatWritesThemRoundedToFourDecimals_ForEveryShapeOfValue()
    {
        var random = new Random(20261201);
        var values = new List<double> { 0, -0.0, 0.00005, -0.00005, 0.00004999, 1e9 - 0.0001, -1e9 + 0.0001, 1e9, 123456789012.5, double.MaxValue / 1e300 };
        for (var i = 0; i < 100_000; i++)
        {
            var decimals = random.Next(0, 8);
            var scale = Math.Pow(10, decimals);
            values.Add(Math.Round((random.NextDouble() - 0.5) * 4_000, decimals));
            values.Add(random.NextInt64(-10_000_000, 10_000_000) / scale);
            // Halfway between two four-decimal values, where rounding decides.
            values.Add((random.Next(-20_000_000, 20_000_000) + 0.5) / 10_000);
        }

        Span<byte> written = stackalloc byte[32];
        foreach (var value in values)
        {
            var rounded = Math.Round(value, 4);
            var expected = (rounded == 0 ? 0.0 : rounded).ToString("0.####", CultureInfo.InvariantCulture);

            var length = PdfPageContent.FormatNumber(value, written);

            Assert.True(expected == Encoding.ASCII.GetString(written[..length]), $"{value:R}: expected {expected}, wrote {Encoding.ASCII.GetString(written[..length])}");
        }
    }

    [Fact]
    public void APositionFromThePagesTop_IsWrittenFromItsBottom()
    {
        using var page = new PdfPageContent(new PdfGlyphUse(), pageHeight: 842);

        page.StrokeLine(new PdfPen(new PdfColor(255, 0, 0), 0.6), 10, 100, 60, 100);

        Assert.Equal("1 0 0 RG 0.6 w 10 742 m 60 742 l S\n", Encoding.ASCII.GetString(page.Bytes));
    }

    [Fact]
    public void Text_IsWrittenAsGlyphIds_AndEachGlyphIsRecordedWithItsCharacter()
    {
        var glyphs = new PdfGlyphUse();
        using var page = new PdfPageContent(glyphs, pageHeight: 842);
        var metrics = PdfFontMetrics.Of(bold: false);

        page.Text("Aé", new PdfFont(Bold: false, 10), new PdfColor(0, 0, 0), 45, 100);

        var a = metrics.Glyph('A');
        var e = metrics.Glyph('é');
        Assert.Equal($"0 0 0 rg BT /F1 10 Tf 45 742 Td <{a:X4}{e:X4}> Tj ET\n", Encoding.ASCII.GetString(page.Bytes));
        Assert.Equal([(a, (int)'A'), (e, (int)'é')], glyphs.Glyphs(bold: false).OrderBy(g => g.CodePoint));
        Assert.False(glyphs.Uses(bold: true));
    }

    [Theory]
    [InlineData("Facture F-2026-000123", "(Facture F-2026-000123)")]
    [InlineData("a (b) c\\d", "(a \\(b\\) c\\\\d)")]
    [InlineData("tab\there", "(tab here)")]
    [InlineData("Été", "<FEFF00C9007400E9>")]
    [InlineData("€", "<FEFF20AC>")]
    public void TextStrings_ArePlainAsciiWhenTheyCanBe_AndUtf16Otherwise(string value, string written)
    {
        Assert.Equal(written, PdfFileWriter.Text(value));
    }

    [Fact]
    public void AnObjectReservedButNeverWritten_FailsTheFileInsteadOfLeavingAHole()
    {
        using var writer = new PdfFileWriter();
        var catalog = writer.Reserve();
        var info = writer.Reserve();
        writer.Dictionary(catalog, "/Type/Catalog");

        var error = Assert.Throws<InvalidOperationException>(() => writer.Finish(catalog, info, new byte[16]));
        Assert.Contains("never written", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnObjectWrittenTwice_IsRefused()
    {
        using var writer = new PdfFileWriter();
        var catalog = writer.Reserve();
        writer.Dictionary(catalog, "/Type/Catalog");

        Assert.Throws<InvalidOperationException>(() => writer.Dictionary(catalog, "/Type/Catalog"));
    }
}

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

using System.Globalization;
using System.Text;
using SubscriptionPortal.Billing.Pdf;

namespace SubscriptionPortal.Tests.Unit.Billing.Pdf;

public sealed class PdfGlyphsTests
{
    [Theory]
    [InlineData("A")]
    [InlineData("é")]
    [InlineData("Œ")]
    [InlineData("ß")]
    [InlineData("€")]
    [InlineData("Ω")]
    [InlineData("Ж")]
    [InlineData("ự")]
    [InlineData("—")]
    [InlineData("«")]
    public void LatinGreekCyrillicAndPunctuation_CanBePrinted(string character) =>
        Assert.True(PdfGlyphs.CanPrint(Rune.GetRuneAt(character, 0)));

    [Theory]
    [InlineData("漢")]
    [InlineData("😀")]
    [InlineData("א")]
    [InlineData("ج")]
    [InlineData("한")]
    [InlineData("✓")]
    [InlineData("ก")]
    public void OtherScriptsEmojiAndSymbolsOutsideTheFont_CannotBePrinted(string character) =>
        Assert.False(PdfGlyphs.CanPrint(Rune.GetRuneAt(character, 0)));

    [Fact]
    public void Table_IsReadFromTheEmbeddedFonts_AboutFourteenHundredCharacters()
    {
        // The README of Billing/Pdf/Fonts gives 1 460 glyphs per face; a few glyphs have no character.
        Assert.InRange(PdfGlyphs.Count, 1300, 1460);
    }

    [Fact]
    public void Unprintable_NamesEachCharacterOnceInOrder_SurrogatePairsWhole()
    {
        Assert.Equal(["漢", "😀"], PdfGlyphs.Unprintable("a漢b😀c漢😀"));
    }

    [Fact]
    public void EveryPrintableLetterAndSign_ReadsBackUnchangedFromARenderedDocument()
    {
        // The table's promise, checked against the renderer itself: what it accepts comes out as typed.
        var printable = Enumerable.Range(0x21, 0x2FFF - 0x21)
            .Where(Rune.IsValid)
            .Select(c => new Rune(c))
            .Where(PdfGlyphs.CanPrint)
            .Where(r => Rune.GetUnicodeCategory(r) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.SpaceSeparator or UnicodeCategory.Format or UnicodeCategory.Control
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator))
            .Select(r => r.ToString())
            .ToList();
        var renderer = new PdfDocumentRenderer();
        var missing = new List<string>();
        foreach (var chunk in printable.Chunk(90))
        {
            var name = string.Concat(chunk);
            var model = BillingDocumentSamples.Invoice() with { Buyer = BillingDocumentSamples.Buyer with { Name = name } };
            var text = string.Concat(PdfReadBack.Of(renderer.Render(model)).AllText.Where(c => !char.IsWhiteSpace(c)));
            missing.AddRange(chunk.Where(c => !text.Contains(c, StringComparison.Ordinal)));
        }

        Assert.True(printable.Count > 1200, $"{printable.Count} characters checked");
        Assert.Empty(missing);
    }
}

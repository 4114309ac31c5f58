using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// Collects a document's A4 pages and writes them as one PDF: the pages, the fonts they use (subset),
/// the logo when a page shows it, the information dictionary, and whatever the catalog needs besides
/// (for a Factur-X file, the XML, the output intent and the XMP). The same pages and seed always give
/// the same bytes: nothing is random and no clock is read.
/// </summary>
internal sealed class PdfDocumentBuilder : IDisposable
{
    public const double PageWidth = 595;
    public const double PageHeight = 842;

    private readonly PdfGlyphUse glyphs = new();
    private readonly List<PdfPageContent> pages = [];

    /// <summary>The pages added so far, in order.</summary>
    public IReadOnlyList<PdfPageContent> Pages => pages;

    public PdfPageContent AddPage()
    {
        var page = new PdfPageContent(glyphs, PageHeight);
        pages.Add(page);
        return page;
    }

    /// <summary>Gives the pages' buffers back.</summary>
    public void Dispose()
    {
        foreach (var page in pages)
        {
            page.Dispose();
        }
    }

    /// <summary>The logo, written once and placed by <see cref="PdfPageContent.Image"/>.</summary>
    public PdfImageData? Image { get; set; }

    /// <summary>
    /// Writes the file. <paramref name="catalogEntries"/> writes the objects the catalog refers to beyond its
    /// pages and returns the entries to add to it (e.g. "/Metadata 12 0 R").
    /// </summary>
    public byte[] Save(string seed, PdfInformation information, Func<PdfFileWriter, string> catalogEntries)
    {
        using var writer = new PdfFileWriter();
        var catalog = writer.Reserve();
        var pageTree = writer.Reserve();
        var info = writer.Reserve();
        var resources = writer.Reserve();

        var pageNumbers = new int[pages.Count];
        for (var i = 0; i < pages.Count; i++)
        {
            pageNumbers[i] = writer.Reserve();
            var content = writer.Reserve();
            // Invariant: a page size with a fraction would otherwise be written "595,5" under a French culture.
            writer.Dictionary(pageNumbers[i], string.Create(CultureInfo.InvariantCulture,
                $"/Type/Page/Parent {pageTree} 0 R/MediaBox[0 0 {PageWidth} {PageHeight}]/Resources {resources} 0 R/Contents {content} 0 R"));
            writer.Stream(content, "", pages[i].Bytes, compress: true);
        }

        var kids = string.Join(' ', pageNumbers.Select(n => $"{n} 0 R"));
        writer.Dictionary(pageTree, $"/Type/Pages/Kids[{kids}]/Count {pages.Count}");

        var fonts = new StringBuilder();
        foreach (var bold in (ReadOnlySpan<bool>)[false, true])
        {
            if (glyphs.Uses(bold))
            {
                var font = PdfEmbeddedFont.Write(writer, PdfFontMetrics.Of(bold), glyphs.Glyphs(bold), seed);
                fonts.Append(bold ? "/F2 " : "/F1 ").Append(font).Append(" 0 R");
            }
        }

        var xObjects = "";
        if (Image is { } image && pages.Any(p => p.HasImage))
        {
            xObjects = $"/XObject<</Im1 {WriteImage(writer, image)} 0 R>>";
        }

        writer.Dictionary(resources, $"/Font<<{fonts}>>{xObjects}");
        writer.Dictionary(info, information.Dictionary());
        writer.Dictionary(catalog, $"/Type/Catalog/Pages {pageTree} 0 R{catalogEntries(writer)}");

        var identifier = SHA256.HashData(Encoding.UTF8.GetBytes("id:" + seed)).AsSpan(0, 16);
        return writer.Finish(catalog, info, identifier);
    }

    private static int WriteImage(PdfFileWriter writer, PdfImageData image)
    {
        var number = writer.Reserve();
        var mask = "";
        if (image.Alpha is { } alpha)
        {
            var maskNumber = writer.Reserve();
            writer.EncodedStream(maskNumber, $"/Type/XObject/Subtype/Image/Width {image.Width}/Height {image.Height}/ColorSpace/DeviceGray/BitsPerComponent 8/Filter/FlateDecode", alpha);
            mask = $"/SMask {maskNumber} 0 R";
        }

        writer.EncodedStream(number,
            $"/Type/XObject/Subtype/Image/Width {image.Width}/Height {image.Height}/ColorSpace{image.ColorSpace}/BitsPerComponent {image.BitsPerComponent}/Filter{image.Filter}{mask}",
            image.Data);
        return number;
    }
}

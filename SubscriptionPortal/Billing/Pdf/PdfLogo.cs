using System.Collections.Concurrent;

namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// The seller's mark at the top left of the first page: the configured logo file when there is
/// one, otherwise a monogram drawn from the seller's name, so no deployment depends on a file.
/// </summary>
internal static class PdfLogo
{
    public const double Height = 38;
    private const double MaxImageWidth = 150;

    private static readonly PdfFont MonogramFont = new(Bold: true, 14);
    private static readonly PdfPen InnerStroke = new(new PdfColor(0x5B, 0x8D, 0xBA), 0.8);

    // Each logo file is read and converted once per process; every document then copies its bytes.
    private static readonly ConcurrentDictionary<string, PdfImageData> LogoFiles = new(StringComparer.Ordinal);

    /// <summary>Draws the mark and returns the width it took.</summary>
    public static double Draw(PdfCanvas canvas, PdfStyles styles, SellerDetails seller, double x, double top)
    {
        if (!string.IsNullOrWhiteSpace(seller.LogoPath))
        {
            return DrawImage(canvas, seller, x, top);
        }

        if (canvas.IsDrawing)
        {
            var page = canvas.Page;
            page.FillRoundedRectangle(styles.Accent, x, top, Height, Height, 5);
            // A thin inner stroke gives the flat square some depth without another colour.
            page.StrokeRoundedRectangle(InnerStroke, x + 3, top + 3, Height - 6, Height - 6, 3.5);
            var initials = Initials(seller);
            var left = x + ((Height - MonogramFont.Width(initials)) / 2);
            // Centred on the square by its capitals' height, so two capitals sit in its optical middle.
            var baseline = top + (Height / 2) + (MonogramFont.Size * MonogramFont.Metrics.CapHeight / MonogramFont.Metrics.UnitsPerEm / 2);
            page.Text(initials, MonogramFont, styles.White, left, baseline);
        }

        return Height;
    }

    public static bool HasImage(SellerDetails seller) => !string.IsNullOrWhiteSpace(seller.LogoPath);

    internal static string Initials(SellerDetails seller)
    {
        var letters = seller.Name
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(word => !word.Equals(seller.LegalForm, StringComparison.OrdinalIgnoreCase) && char.IsLetter(word[0]))
            .Take(2)
            .Select(word => char.ToUpperInvariant(word[0]))
            .ToArray();
        return letters.Length == 0 ? "€" : new string(letters);
    }

    /// <summary>The logo file's image, read once per process.</summary>
    public static PdfImageData Image(SellerDetails seller) =>
        LogoFiles.GetOrAdd(Path.GetFullPath(seller.LogoPath!), path => PdfImageData.Read(File.ReadAllBytes(path)));

    private static double DrawImage(PdfCanvas canvas, SellerDetails seller, double x, double top)
    {
        var image = Image(seller);
        var scale = Math.Min(Height / image.Height, MaxImageWidth / image.Width);
        var width = image.Width * scale;
        if (canvas.IsDrawing)
        {
            canvas.Page.Image(x, top, width, image.Height * scale);
        }

        return width;
    }
}

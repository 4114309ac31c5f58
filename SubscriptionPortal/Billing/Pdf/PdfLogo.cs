using System.Collections.Concurrent;
using PdfSharp.Drawing;

namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// The seller's mark at the top left of the first page: the configured logo file when there is
/// one, otherwise a monogram drawn from the seller's name, so no deployment depends on a file.
/// </summary>
internal static class PdfLogo
{
    public const double Height = 38;
    private const double MaxImageWidth = 150;

    // Logo files are read once per process; the XImage itself is created per document because a
    // PDFsharp image belongs to the document it is drawn into.
    private static readonly ConcurrentDictionary<string, byte[]> LogoFiles = new(StringComparer.Ordinal);

    /// <summary>Draws the mark and returns the width it took.</summary>
    public static double Draw(PdfCanvas canvas, PdfStyles styles, SellerDetails seller, double x, double top)
    {
        if (!string.IsNullOrWhiteSpace(seller.LogoPath))
        {
            return DrawImage(canvas, seller.LogoPath, x, top);
        }

        if (canvas.IsDrawing)
        {
            var gfx = canvas.Graphics;
            gfx.DrawRoundedRectangle(styles.AccentBrush, x, top, Height, Height, 10, 10);
            // A thin inner stroke gives the flat square some depth without another colour.
            gfx.DrawRoundedRectangle(new XPen(XColor.FromArgb(0x5B, 0x8D, 0xBA), 0.8), x + 3, top + 3, Height - 6, Height - 6, 7, 7);
            var font = new XFont(EmbeddedFontResolver.FamilyName, 14, XFontStyleEx.Bold);
            gfx.DrawString(Initials(seller), font, styles.WhiteBrush, new XRect(x, top, Height, Height), XStringFormats.Center);
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

    private static double DrawImage(PdfCanvas canvas, string path, double x, double top)
    {
        var bytes = LogoFiles.GetOrAdd(Path.GetFullPath(path), File.ReadAllBytes);
        using var stream = new MemoryStream(bytes, writable: false);
        using var image = XImage.FromStream(stream);
        var scale = Math.Min(Height / image.PointHeight, MaxImageWidth / image.PointWidth);
        var width = image.PointWidth * scale;
        if (canvas.IsDrawing)
        {
            canvas.Graphics.DrawImage(image, x, top, width, image.PointHeight * scale);
        }

        return width;
    }
}

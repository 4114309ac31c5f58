using System.Globalization;
using System.Text;

namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// One page's content stream: the PDF operators that fill rectangles, stroke lines, draw text and place
/// the logo. Callers give positions from the page's top, as the layout counts them; this class turns them
/// into PDF's coordinates, counted from the bottom. Text is written as glyph ids of the embedded faces
/// (Identity-H), and each glyph drawn is recorded in the document's <see cref="PdfGlyphUse"/> so that the
/// embedded font keeps it.
/// </summary>
internal sealed class PdfPageContent(PdfGlyphUse glyphs, double pageHeight) : IDisposable
{
    // The curve of a quarter circle drawn with one cubic Bézier: its control points sit this far along the tangents.
    private const double Kappa = 0.5522847498;

    private readonly PooledBuffer buffer = new(32 * 1024);

    /// <summary>The operators written so far.</summary>
    public ReadOnlySpan<byte> Bytes => buffer.WrittenSpan;

    /// <summary>True once the logo has been placed on this page.</summary>
    public bool HasImage { get; private set; }

    public void FillRectangle(PdfColor color, double x, double top, double width, double height)
    {
        Fill(color);
        Number(x).Number(pageHeight - top - height).Number(width).Number(height).Ascii("re f\n");
    }

    public void StrokeLine(PdfPen pen, double x1, double y1, double x2, double y2)
    {
        Stroke(pen);
        Number(x1).Number(pageHeight - y1).Ascii("m ").Number(x2).Number(pageHeight - y2).Ascii("l S\n");
    }

    public void FillRoundedRectangle(PdfColor color, double x, double top, double width, double height, double radius)
    {
        Fill(color);
        RoundedRectangle(x, top, width, height, radius);
        Ascii("f\n");
    }

    public void StrokeRoundedRectangle(PdfPen pen, double x, double top, double width, double height, double radius)
    {
        Stroke(pen);
        RoundedRectangle(x, top, width, height, radius);
        Ascii("S\n");
    }

    private static ReadOnlySpan<byte> HexDigits => "0123456789ABCDEF"u8;

    /// <summary>Draws one line of text whose baseline is <paramref name="baseline"/> points below the page's top.</summary>
    public void Text(ReadOnlySpan<char> text, PdfFont font, PdfColor color, double x, double baseline)
    {
        Fill(color);
        Ascii(font.Bold ? "BT /F2 " : "BT /F1 ").Number(font.Size).Ascii("Tf ")
            .Number(x).Number(pageHeight - baseline).Ascii("Td <");
        var metrics = font.Metrics;
        for (var i = 0; i < text.Length; i++)
        {
            var codePoint = PdfFontMetrics.NextCodePoint(text, ref i);
            var glyph = metrics.Glyph(codePoint);
            glyphs.Add(font.Bold, glyph, codePoint);
            // The glyph id as four hexadecimal digits (glyph ids are 16-bit), written from its nibbles: a format string
            // would be parsed again for every character drawn.
            var span = buffer.GetSpan(4);
            span[0] = HexDigits[(glyph >> 12) & 0xF];
            span[1] = HexDigits[(glyph >> 8) & 0xF];
            span[2] = HexDigits[(glyph >> 4) & 0xF];
            span[3] = HexDigits[glyph & 0xF];
            buffer.Advance(4);
        }

        Ascii("> Tj ET\n");
    }

    /// <summary>Gives the page's buffer back once the file is written.</summary>
    public void Dispose() => buffer.Dispose();

    /// <summary>Places the document's image (resource /Im1) in the box whose top left corner is (x, top).</summary>
    public void Image(double x, double top, double width, double height)
    {
        HasImage = true;
        Ascii("q ").Number(width).Ascii("0 0 ").Number(height).Number(x).Number(pageHeight - top - height).Ascii("cm /Im1 Do Q\n");
    }

    private void RoundedRectangle(double x, double top, double width, double height, double radius)
    {
        var left = x;
        var right = x + width;
        var upper = pageHeight - top;
        var lower = upper - height;
        var k = radius * Kappa;
        Number(left + radius).Number(upper).Ascii("m ");
        Number(right - radius).Number(upper).Ascii("l ");
        Number(right - radius + k).Number(upper).Number(right).Number(upper - radius + k).Number(right).Number(upper - radius).Ascii("c ");
        Number(right).Number(lower + radius).Ascii("l ");
        Number(right).Number(lower + radius - k).Number(right - radius + k).Number(lower).Number(right - radius).Number(lower).Ascii("c ");
        Number(left + radius).Number(lower).Ascii("l ");
        Number(left + radius - k).Number(lower).Number(left).Number(lower + radius - k).Number(left).Number(lower + radius).Ascii("c ");
        Number(left).Number(upper - radius).Ascii("l ");
        Number(left).Number(upper - radius + k).Number(left + radius - k).Number(upper).Number(left + radius).Number(upper).Ascii("c h ");
    }

    private void Fill(PdfColor color) => Colour(color).Ascii("rg ");

    private void Stroke(PdfPen pen) => Colour(pen.Color).Ascii("RG ").Number(pen.Width).Ascii("w ");

    private PdfPageContent Colour(PdfColor color) => Number(color.Red / 255.0).Number(color.Green / 255.0).Number(color.Blue / 255.0);

    /// <summary>Writes a number with at most four decimals and a space after it: PDF has no exponent notation.</summary>
    private PdfPageContent Number(double value)
    {
        var span = buffer.GetSpan(32);
        var written = FormatNumber(value, span);
        span[written] = (byte)' ';
        buffer.Advance(written + 1);
        return this;
    }

    /// <summary>
    /// Writes <paramref name="value"/> rounded to four decimals, as <c>0.####</c> in the invariant culture writes
    /// it (no exponent, no trailing zeros, never -0), into <paramref name="destination"/> (at least 32 bytes), and
    /// returns the bytes written. Page coordinates and sizes go through here thousands of times a document: the
    /// usual ones are written from their digits, without parsing a format string.
    /// </summary>
    internal static int FormatNumber(double value, Span<byte> destination)
    {
        var rounded = Math.Round(value, 4);
        if (rounded == 0)
        {
            rounded = 0.0;
        }

        // Under 10^9 (well within the 15 significant digits the custom format keeps, four decimals included), the rounded value
        // times 10 000 is an integer give or take the last bit of the double: its digits are the number's.
        if (Math.Abs(rounded) < 1e9)
        {
            var units = (long)Math.Round(rounded * 10_000);
            var position = 0;
            if (units < 0)
            {
                destination[position++] = (byte)'-';
                units = -units;
            }

            var whole = units / 10_000;
            var fraction = (int)(units % 10_000);
            whole.TryFormat(destination[position..], out var digits, default, CultureInfo.InvariantCulture);
            position += digits;
            if (fraction != 0)
            {
                destination[position++] = (byte)'.';
                for (var divisor = 1_000; fraction != 0; divisor /= 10)
                {
                    destination[position++] = (byte)('0' + (fraction / divisor));
                    fraction %= divisor;
                }
            }

            return position;
        }

        if (!rounded.TryFormat(destination, out var written, "0.####", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"The coordinate {value} cannot be written.");
        }

        return written;
    }

    private PdfPageContent Ascii(string text)
    {
        var written = Encoding.ASCII.GetBytes(text, buffer.GetSpan(text.Length));
        buffer.Advance(written);
        return this;
    }
}

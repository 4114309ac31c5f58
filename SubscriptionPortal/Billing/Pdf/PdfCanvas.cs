using PdfSharp.Drawing;

namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// The few drawing primitives the documents need, over one page's <see cref="XGraphics"/>.
/// A canvas created with <c>draw: false</c> runs the same layout code without drawing, which is
/// how a block's height is known before deciding whether it fits on the current page.
/// </summary>
internal sealed class PdfCanvas(XGraphics graphics, bool draw)
{
    public XGraphics Graphics => graphics;

    public bool IsDrawing => draw;

    public static double LineHeight(XFont font) => font.GetHeight();

    public double Width(string text, XFont font) => graphics.MeasureString(text, font).Width;

    /// <summary>Draws one line whose top is at <paramref name="top"/>, aligned within [x, x + width].</summary>
    public void Line(string text, XFont font, XBrush brush, double x, double top, double width, XStringAlignment alignment = XStringAlignment.Near)
    {
        if (!draw || text.Length == 0)
        {
            return;
        }

        var format = alignment switch
        {
            XStringAlignment.Far => XStringFormats.TopRight,
            XStringAlignment.Center => XStringFormats.TopCenter,
            _ => XStringFormats.TopLeft,
        };
        graphics.DrawString(text, font, brush, new XRect(x, top, width, LineHeight(font)), format);
    }

    /// <summary>Wraps <paramref name="text"/> to <paramref name="width"/>, draws it and returns the height used.</summary>
    public double Paragraph(string text, XFont font, XBrush brush, double x, double top, double width, XStringAlignment alignment = XStringAlignment.Near)
    {
        var lines = Wrap(text, font, width);
        var lineHeight = LineHeight(font);
        for (var i = 0; i < lines.Count; i++)
        {
            Line(lines[i], font, brush, x, top + (i * lineHeight), width, alignment);
        }

        return lines.Count * lineHeight;
    }

    /// <summary>
    /// Greedy word wrap on ordinary spaces (no-break spaces keep amounts whole); a word wider than
    /// the line, such as a long unbroken name, is cut between characters rather than overflowing.
    /// </summary>
    public List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var current = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (Width(candidate, font) <= width)
                {
                    current = candidate;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current);
                }

                current = word;
                while (Width(current, font) > width && current.Length > 1)
                {
                    var fit = FittingLength(current, font, width);
                    lines.Add(current[..fit]);
                    current = current[fit..];
                }
            }

            lines.Add(current);
        }

        return lines;
    }

    public void FillRectangle(XBrush brush, double x, double top, double width, double height)
    {
        if (draw)
        {
            graphics.DrawRectangle(brush, x, top, width, height);
        }
    }

    public void HorizontalRule(XPen pen, double x, double y, double width)
    {
        if (draw)
        {
            graphics.DrawLine(pen, x, y, x + width, y);
        }
    }

    private int FittingLength(string word, XFont font, double width)
    {
        var length = word.Length - 1;
        while (length > 1 && Width(word[..length], font) > width)
        {
            length--;
        }

        // Never split a surrogate pair.
        return char.IsLowSurrogate(word[length]) ? length - 1 : length;
    }
}

namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// The few drawing primitives the documents need, over one page's <see cref="PdfPageContent"/>.
/// A canvas created with <c>draw: false</c> runs the same layout code without drawing, which is
/// how a block's height is known before deciding whether it fits on the current page.
/// </summary>
internal sealed class PdfCanvas(PdfPageContent page, bool draw)
{
    public PdfPageContent Page => page;

    public bool IsDrawing => draw;

    public static double LineHeight(PdfFont font) => font.LineHeight;

    /// <summary>Draws one line whose top is at <paramref name="top"/>, aligned within [x, x + width].</summary>
    public void Line(string text, PdfFont font, PdfColor color, double x, double top, double width, PdfTextAlignment alignment = PdfTextAlignment.Near)
    {
        if (!draw || text.Length == 0)
        {
            return;
        }

        var left = alignment switch
        {
            PdfTextAlignment.Far => x + width - font.Width(text),
            PdfTextAlignment.Center => x + ((width - font.Width(text)) / 2),
            _ => x,
        };
        page.Text(text, font, color, left, top + font.Ascent);
    }

    /// <summary>Wraps <paramref name="text"/> to <paramref name="width"/>, draws it and returns the height used.</summary>
    public double Paragraph(string text, PdfFont font, PdfColor color, double x, double top, double width, PdfTextAlignment alignment = PdfTextAlignment.Near)
    {
        var lines = Wrap(text, font, width);
        var lineHeight = LineHeight(font);
        for (var i = 0; i < lines.Count; i++)
        {
            Line(lines[i], font, color, x, top + (i * lineHeight), width, alignment);
        }

        return lines.Count * lineHeight;
    }

    /// <summary>
    /// Greedy word wrap on ordinary spaces (no-break spaces keep amounts whole); a word wider than
    /// the line, such as a long unbroken name, is cut between characters rather than overflowing.
    /// Each word is measured once, without being copied: a line's width is the sum of its words' and
    /// spaces' advances, and only the lines themselves become strings.
    /// </summary>
    public static List<string> Wrap(string text, PdfFont font, double width)
    {
        var metrics = font.Metrics;
        var space = metrics.Advance(" ");
        bool Fits(int units) => metrics.Points(units, font) <= width;

        var lines = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var paragraphRange in text.AsSpan().Split('\n'))
        {
            var paragraph = text.AsSpan(paragraphRange);
            current.Clear();
            var currentUnits = 0;
            foreach (var wordRange in paragraph.Split(' '))
            {
                var word = paragraph[wordRange];
                if (word.IsEmpty)
                {
                    continue;
                }

                var wordUnits = metrics.Advance(word);
                var candidateUnits = current.Length == 0 ? wordUnits : currentUnits + space + wordUnits;
                if (Fits(candidateUnits))
                {
                    if (current.Length > 0)
                    {
                        current.Append(' ');
                    }

                    current.Append(word);
                    currentUnits = candidateUnits;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current.ToString());
                }

                var rest = word;
                var restUnits = wordUnits;
                while (!Fits(restUnits) && !IsOneCharacter(rest))
                {
                    var fit = FittingLength(rest, metrics, font, width);
                    lines.Add(rest[..fit].ToString());
                    rest = rest[fit..];
                    restUnits = metrics.Advance(rest);
                }

                current.Clear().Append(rest);
                currentUnits = restUnits;
            }

            lines.Add(current.ToString());
        }

        return lines;
    }

    public void FillRectangle(PdfColor color, double x, double top, double width, double height)
    {
        if (draw)
        {
            page.FillRectangle(color, x, top, width, height);
        }
    }

    public void HorizontalRule(PdfPen pen, double x, double y, double width)
    {
        if (draw)
        {
            page.StrokeLine(pen, x, y, x + width, y);
        }
    }

    /// <summary>The longest start of <paramref name="word"/> that fits, at least one character, never half a surrogate pair.</summary>
    private static int FittingLength(ReadOnlySpan<char> word, PdfFontMetrics metrics, PdfFont font, double width)
    {
        var length = word.Length - 1;
        var units = metrics.Advance(word[..length]);
        while (length > 1 && metrics.Points(units, font) > width)
        {
            length--;
            units = metrics.Advance(word[..length]);
        }

        if (char.IsLowSurrogate(word[length]))
        {
            // Cut before the pair, or after it when it is the first character.
            return length > 1 ? length - 1 : 2;
        }

        return length;
    }

    private static bool IsOneCharacter(ReadOnlySpan<char> text) =>
        text.Length == 1 || (text.Length == 2 && char.IsSurrogatePair(text[0], text[1]));
}

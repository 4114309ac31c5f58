using UglyToad.PdfPig.Content;

namespace SubscriptionPortal.Tests.Unit.Billing.Pdf;

/// <summary>Checks a rendered page's geometry as PdfPig reads it: text inside the page's margins, and no text drawn over other text.</summary>
internal static class PdfLayout
{
    // The renderer's A4 box: 45 pt margins left and right, 40 pt top, 28 pt bottom.
    private const double Left = 45;
    private const double Right = 595 - 45;
    private const double Top = 842 - 40;
    private const double Bottom = 28;

    // Glyph boxes of consecutive lines may touch (ascenders meet descenders); they must not cross by more.
    private const double Tolerance = 0.6;

    /// <summary>Problems found on <paramref name="page"/>: a letter outside the margins, or two letters drawn over each other.</summary>
    public static IReadOnlyList<string> Problems(PdfReadBack.PageLetters page)
    {
        var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        var problems = new List<string>();
        foreach (var letter in letters)
        {
            var box = letter.BoundingBox;
            if (box.Left < Left - 0.5 || box.Right > Right + 0.5 || box.Bottom < Bottom - 0.5 || box.Top > Top + 0.5)
            {
                problems.Add($"'{letter.Value}' at ({box.Left:0.0}, {box.Bottom:0.0}) is outside the margins");
            }
        }

        for (var i = 0; i < letters.Count; i++)
        {
            for (var j = i + 1; j < letters.Count; j++)
            {
                // Neighbours on one line may overhang each other a little (no kerning is applied).
                if (j == i + 1 && Math.Abs(letters[i].StartBaseLine.Y - letters[j].StartBaseLine.Y) < 0.1)
                {
                    continue;
                }

                if (Overlap(letters[i], letters[j]))
                {
                    problems.Add($"'{letters[i].Value}' and '{letters[j].Value}' overlap at ({letters[i].BoundingBox.Left:0.0}, {letters[i].BoundingBox.Bottom:0.0})");
                }
            }
        }

        return problems;
    }

    private static bool Overlap(Letter a, Letter b)
    {
        var x = Math.Min(a.BoundingBox.Right, b.BoundingBox.Right) - Math.Max(a.BoundingBox.Left, b.BoundingBox.Left);
        var y = Math.Min(a.BoundingBox.Top, b.BoundingBox.Top) - Math.Max(a.BoundingBox.Bottom, b.BoundingBox.Bottom);
        return x > Tolerance && y > Tolerance;
    }
}

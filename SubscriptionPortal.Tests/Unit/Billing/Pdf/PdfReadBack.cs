using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace SubscriptionPortal.Tests.Unit.Billing.Pdf;

/// <summary>Reads a rendered PDF back with PdfPig, the way a reader (or an auditor's tool) sees it.</summary>
internal sealed class PdfReadBack
{
    private PdfReadBack(IReadOnlyList<string> pageTexts, IReadOnlyList<PageLetters> pages, DocumentInformation information)
    {
        PageTexts = pageTexts;
        Pages = pages;
        Information = information;
    }

    /// <summary>
    /// Each page's text in drawing order, one drawn line per line of text, no-break spaces read as
    /// plain spaces. <see cref="Flat"/> joins the lines with spaces, so a wrapped name reads whole.
    /// </summary>
    public IReadOnlyList<string> PageTexts { get; }

    public IReadOnlyList<PageLetters> Pages { get; }

    public DocumentInformation Information { get; }

    public string AllText => string.Join("\n", PageTexts);

    /// <summary>All pages' text with line breaks read as spaces.</summary>
    public string Flat => AllText.Replace('\n', ' ');

    public static PdfReadBack Of(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var texts = new List<string>();
        var pages = new List<PageLetters>();
        foreach (var page in document.GetPages())
        {
            texts.Add(Normalize(TextByLine(page.Letters)));
            pages.Add(new PageLetters(page.Width, page.Height, page.Letters.ToArray(), page.GetImages().Count()));
        }

        return new PdfReadBack(texts, pages, document.Information);
    }

    public int CountOccurrences(string text) =>
        PageTexts.Sum(page => CountIn(page, text));

    private static int CountIn(string haystack, string needle)
    {
        var count = 0;
        for (var at = haystack.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = haystack.IndexOf(needle, at + needle.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    // A letter that does not start where the previous one ended begins another drawn line.
    private static string TextByLine(IReadOnlyList<Letter> letters)
    {
        var text = new System.Text.StringBuilder();
        Letter? previous = null;
        foreach (var letter in letters)
        {
            if (previous is not null
                && (Math.Abs(letter.StartBaseLine.Y - previous.EndBaseLine.Y) > 0.5
                    || Math.Abs(letter.StartBaseLine.X - previous.EndBaseLine.X) > 1.0))
            {
                text.Append('\n');
            }

            text.Append(letter.Value);
            previous = letter;
        }

        return text.ToString();
    }

    private static string Normalize(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');

    internal sealed record PageLetters(double Width, double Height, IReadOnlyList<Letter> Letters, int ImageCount);
}

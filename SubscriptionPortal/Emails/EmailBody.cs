using System.Text;

namespace SubscriptionPortal.Emails;

/// <summary>
/// One email's content as blocks — paragraphs, a table of facts, a link — written out twice from the same
/// blocks: as HTML (every value encoded) and as its plain-text alternative.
/// </summary>
internal sealed class EmailBody
{
    private readonly List<Block> blocks = [];

    public EmailBody Paragraph(string text)
    {
        blocks.Add(new Block.Text(text));
        return this;
    }

    public EmailBody Facts(params (string Label, string Value)[] facts)
    {
        blocks.Add(new Block.Table(facts));
        return this;
    }

    public EmailBody Link(string label, string url)
    {
        blocks.Add(new Block.Action(label, url));
        return this;
    }

    public string Html(string language)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(Encode(language[..2])).Append("\"><head><meta charset=\"utf-8\"></head>\n")
            .Append("<body style=\"font-family: Arial, Helvetica, sans-serif; font-size: 15px; color: #1f2933; line-height: 1.5;\">\n");
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Block.Text text:
                    html.Append("<p>").Append(Encode(text.Value)).Append("</p>\n");
                    break;
                case Block.Table table:
                    html.Append("<table style=\"border-collapse: collapse;\">\n");
                    foreach (var (label, value) in table.Rows)
                    {
                        html.Append("<tr><th scope=\"row\" style=\"text-align: left; padding: 4px 16px 4px 0; font-weight: normal; color: #52606d;\">")
                            .Append(Encode(label)).Append("</th><td style=\"padding: 4px 0; font-weight: bold;\">").Append(Encode(value)).Append("</td></tr>\n");
                    }

                    html.Append("</table>\n");
                    break;
                case Block.Action action:
                    html.Append("<p><a href=\"").Append(Encode(action.Url)).Append("\">").Append(Encode(action.Label)).Append("</a></p>\n");
                    break;
            }
        }

        return html.Append("</body></html>\n").ToString();
    }

    public string Text()
    {
        var text = new StringBuilder();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Block.Text paragraph:
                    text.Append(paragraph.Value).Append("\n\n");
                    break;
                case Block.Table table:
                    foreach (var (label, value) in table.Rows)
                    {
                        text.Append(label).Append(": ").Append(value).Append('\n');
                    }

                    text.Append('\n');
                    break;
                case Block.Action action:
                    text.Append(action.Label).Append(": ").Append(action.Url).Append("\n\n");
                    break;
            }
        }

        return text.ToString().TrimEnd() + "\n";
    }

    // Only the characters that mean something in HTML: accented letters stay as they are, in UTF-8.
    private static string Encode(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    private abstract record Block
    {
        public sealed record Text(string Value) : Block;

        public sealed record Table((string Label, string Value)[] Rows) : Block;

        public sealed record Action(string Label, string Url) : Block;
    }
}

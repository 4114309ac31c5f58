namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// The glyphs one document draws in each face, and the character each stands for: what its embedded
/// font subsets keep, its widths array lists, and its ToUnicode maps give back to a reader that
/// copies or searches the text.
/// </summary>
internal sealed class PdfGlyphUse
{
    // Per face, the first character drawn with each glyph (0: the glyph is not drawn).
    private readonly int[]?[] characters = new int[]?[2];

    public void Add(bool bold, int glyph, int codePoint)
    {
        var face = bold ? 1 : 0;
        var map = characters[face] ??= new int[PdfFontMetrics.Of(bold).GlyphCount];
        if (map[glyph] == 0)
        {
            // The missing glyph stands for no character: a reader shows nothing rather than a wrong one.
            map[glyph] = glyph == 0 ? -1 : codePoint;
        }
    }

    /// <summary>True when the document draws text in this face.</summary>
    public bool Uses(bool bold) => characters[bold ? 1 : 0] is not null;

    /// <summary>The glyphs drawn in a face, in increasing order, each with its character (-1 for the missing glyph).</summary>
    public IReadOnlyList<(int Glyph, int CodePoint)> Glyphs(bool bold)
    {
        var map = characters[bold ? 1 : 0];
        var list = new List<(int, int)>();
        if (map is null)
        {
            return list;
        }

        for (var glyph = 0; glyph < map.Length; glyph++)
        {
            if (map[glyph] != 0)
            {
                list.Add((glyph, map[glyph]));
            }
        }

        return list;
    }
}

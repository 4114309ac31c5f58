namespace SubscriptionPortal.Billing.Pdf;

/// <summary>One of the two embedded faces at a size in points: all the layout needs to measure and draw text.</summary>
internal sealed record PdfFont(bool Bold, double Size)
{
    public PdfFontMetrics Metrics => PdfFontMetrics.Of(Bold);

    /// <summary>The distance from one line's top to the next's: the face's ascent plus its descent, at this size.</summary>
    public double LineHeight => Size * Metrics.LineSpacing / Metrics.UnitsPerEm;

    /// <summary>The distance from a line's top down to its baseline.</summary>
    public double Ascent => Size * Metrics.Ascender / Metrics.UnitsPerEm;

    /// <summary>The width of <paramref name="text"/> at this size, in points.</summary>
    public double Width(ReadOnlySpan<char> text) => Metrics.Points(Metrics.Advance(text), this);
}

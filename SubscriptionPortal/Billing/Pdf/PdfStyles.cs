namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// Fonts, colours and page geometry of the billing documents, in points (1/72 inch) on A4.
/// Immutable, so one instance serves every render.
/// </summary>
internal sealed class PdfStyles
{
    public const double MarginLeft = 45;
    public const double MarginRight = 45;
    public const double MarginTop = 40;
    public const double MarginBottom = 28;

    public PdfFont Title { get; } = Bold(20);
    public PdfFont Subtitle { get; } = Regular(9);
    public PdfFont SellerName { get; } = Bold(11);
    public PdfFont Label { get; } = Bold(6.5);
    public PdfFont Body { get; } = Regular(8.5);
    public PdfFont BodyBold { get; } = Bold(8.5);
    public PdfFont PartyName { get; } = Bold(10);
    public PdfFont Value { get; } = Bold(9);
    public PdfFont TableHeader { get; } = Bold(7.5);
    public PdfFont TableBody { get; } = Regular(8);
    public PdfFont Total { get; } = Bold(9.5);
    public PdfFont Footer { get; } = Regular(6.5);

    /// <summary>The English beneath a French label on bilingual documents.</summary>
    public PdfFont Translation { get; } = Regular(6.5);
    public PdfFont PageNumber { get; } = Regular(7.5);

    public PdfColor Ink { get; } = new(0x1F, 0x29, 0x33);
    public PdfColor Muted { get; } = new(0x5B, 0x67, 0x75);
    public PdfColor Accent { get; } = new(0x1D, 0x4E, 0x7A);
    public PdfColor Panel { get; } = new(0xF2, 0xF5, 0xF8);
    public PdfColor White { get; } = PdfColor.White;
    public PdfPen RulePen { get; } = new(new PdfColor(0xD5, 0xDB, 0xE3), 0.6);
    public PdfPen AccentPen => new(Accent, 1.2);

    private static PdfFont Regular(double size) => new(Bold: false, size);

    private static PdfFont Bold(double size) => new(Bold: true, size);
}

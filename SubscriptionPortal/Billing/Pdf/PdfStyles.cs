using PdfSharp.Drawing;

namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// Fonts, colours and page geometry of the billing documents, in points (1/72 inch) on A4.
/// Created per render: PDFsharp's font and brush objects are not documented as safe to share
/// between threads, and creating them costs microseconds once the font resolver has cached the faces.
/// </summary>
internal sealed class PdfStyles
{
    public const double MarginLeft = 45;
    public const double MarginRight = 45;
    public const double MarginTop = 40;
    public const double MarginBottom = 28;

    public static readonly XColor Ink = XColor.FromArgb(0x1F, 0x29, 0x33);
    public static readonly XColor Muted = XColor.FromArgb(0x5B, 0x67, 0x75);
    public static readonly XColor Accent = XColor.FromArgb(0x1D, 0x4E, 0x7A);
    public static readonly XColor Rule = XColor.FromArgb(0xD5, 0xDB, 0xE3);
    public static readonly XColor Panel = XColor.FromArgb(0xF2, 0xF5, 0xF8);

    public XFont Title { get; } = Bold(20);
    public XFont Subtitle { get; } = Regular(9);
    public XFont SellerName { get; } = Bold(11);
    public XFont Label { get; } = Bold(6.5);
    public XFont Body { get; } = Regular(8.5);
    public XFont BodyBold { get; } = Bold(8.5);
    public XFont PartyName { get; } = Bold(10);
    public XFont Value { get; } = Bold(9);
    public XFont TableHeader { get; } = Bold(7.5);
    public XFont TableBody { get; } = Regular(8);
    public XFont Total { get; } = Bold(9.5);
    public XFont Footer { get; } = Regular(6.5);

    /// <summary>The English beneath a French label on bilingual documents.</summary>
    public XFont Translation { get; } = Regular(6.5);
    public XFont PageNumber { get; } = Regular(7.5);

    public XBrush InkBrush { get; } = new XSolidBrush(Ink);
    public XBrush MutedBrush { get; } = new XSolidBrush(Muted);
    public XBrush AccentBrush { get; } = new XSolidBrush(Accent);
    public XBrush PanelBrush { get; } = new XSolidBrush(Panel);
    public XBrush WhiteBrush { get; } = new XSolidBrush(XColors.White);
    public XPen RulePen { get; } = new(Rule, 0.6);
    public XPen AccentPen { get; } = new(Accent, 1.2);

    private static XFont Regular(double size) => new(EmbeddedFontResolver.FamilyName, size, XFontStyleEx.Regular);

    private static XFont Bold(double size) => new(EmbeddedFontResolver.FamilyName, size, XFontStyleEx.Bold);
}

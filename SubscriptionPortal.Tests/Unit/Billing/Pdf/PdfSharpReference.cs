using PdfSharp.Fonts;
using SubscriptionPortal.Billing.Pdf;

namespace SubscriptionPortal.Tests.Unit.Billing.Pdf;

/// <summary>
/// Serves the documents' embedded faces to PDFsharp, which these tests use as an independent measure
/// of text widths: whatever family is asked for, the regular or the bold DejaVu Sans.
/// </summary>
internal sealed class PdfSharpReference : IFontResolver
{
    public const string FamilyName = "DejaVu Sans";

    private static readonly Lock Gate = new();

    private PdfSharpReference()
    {
    }

    /// <summary>Installs the resolver once for the test process; PDFsharp accepts only one.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            GlobalFontSettings.FontResolver ??= new PdfSharpReference();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "bold" : "regular", mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => EmbeddedFonts.FaceFile(faceName == "bold");
}

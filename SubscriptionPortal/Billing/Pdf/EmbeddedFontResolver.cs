using System.Reflection;
using PdfSharp.Fonts;

namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// Serves the DejaVu Sans faces shipped inside this assembly, so every machine produces the same
/// PDF bytes. PDFsharp has no font fallback on Linux, and its resolver is process-wide: any
/// family requested is answered with DejaVu Sans rather than failing a render.
/// </summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    public const string FamilyName = "DejaVu Sans";

    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    // Each face is read from the manifest once per process; PDFsharp caches the parsed font itself.
    private static readonly Lazy<byte[]> RegularBytes = new(() => LoadResource("DejaVuSans.ttf"));
    private static readonly Lazy<byte[]> BoldBytes = new(() => LoadResource("DejaVuSans-Bold.ttf"));

    public static EmbeddedFontResolver Instance { get; } = new();

    private EmbeddedFontResolver()
    {
    }

    /// <summary>The font file of the regular or the bold face, as PDFsharp receives it.</summary>
    public static byte[] FaceFile(bool bold) => bold ? BoldBytes.Value : RegularBytes.Value;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => faceName switch
    {
        RegularFace => RegularBytes.Value,
        BoldFace => BoldBytes.Value,
        _ => null,
    };

    // Found by file-name suffix: the manifest name depends on the project's root namespace and on
    // how the EmbeddedResource item is declared, neither of which this class should care about.
    private static byte[] LoadResource(string fileName)
    {
        var assembly = typeof(EmbeddedFontResolver).Assembly;
        var name = assembly.GetManifestResourceNames()
            .FirstOrDefault(n => n.Equals(fileName, StringComparison.OrdinalIgnoreCase)
                || n.EndsWith("." + fileName, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException(
                $"Font resource '{fileName}' is missing from {assembly.GetName().Name}; " +
                "the project must embed Billing/Pdf/Fonts/*.ttf as EmbeddedResource.");

        using var stream = assembly.GetManifestResourceStream(name)!;
        using var buffer = new MemoryStream(capacity: (int)stream.Length);
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}

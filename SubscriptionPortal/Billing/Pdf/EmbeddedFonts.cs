namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// The DejaVu Sans faces shipped inside this assembly, so every machine draws and embeds the same
/// glyphs and a document renders to the same bytes wherever it is rendered.
/// </summary>
internal static class EmbeddedFonts
{
    // Each face is read from the manifest once per process.
    private static readonly Lazy<byte[]> RegularBytes = new(() => LoadResource("DejaVuSans.ttf"));
    private static readonly Lazy<byte[]> BoldBytes = new(() => LoadResource("DejaVuSans-Bold.ttf"));

    /// <summary>The font file of the regular or the bold face.</summary>
    public static byte[] FaceFile(bool bold) => bold ? BoldBytes.Value : RegularBytes.Value;

    // Found by file-name suffix: the manifest name depends on the project's root namespace and on
    // how the EmbeddedResource item is declared, neither of which this class should care about.
    private static byte[] LoadResource(string fileName)
    {
        var assembly = typeof(EmbeddedFonts).Assembly;
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

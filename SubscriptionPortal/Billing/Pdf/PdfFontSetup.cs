using PdfSharp.Fonts;

namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// Installs <see cref="EmbeddedFontResolver"/> as PDFsharp's process-wide font resolver.
/// PDFsharp allows the resolver to be set only before the first font is used, and only to the
/// same instance afterwards, so the installation is guarded to happen exactly once.
/// </summary>
internal static class PdfFontSetup
{
    private static readonly Lock Gate = new();
    private static volatile bool initialized;

    /// <summary>Idempotent and thread-safe; cheap after the first call.</summary>
    public static void EnsureInitialized()
    {
        if (initialized)
        {
            return;
        }

        lock (Gate)
        {
            if (initialized)
            {
                return;
            }

            switch (GlobalFontSettings.FontResolver)
            {
                case null:
                    GlobalFontSettings.FontResolver = EmbeddedFontResolver.Instance;
                    break;
                case EmbeddedFontResolver:
                    break;
                case var other:
                    throw new InvalidOperationException(
                        $"PDFsharp already uses the font resolver {other.GetType().FullName}; " +
                        "billing documents need the embedded DejaVu Sans resolver to render identically everywhere.");
            }

            initialized = true;
        }
    }
}

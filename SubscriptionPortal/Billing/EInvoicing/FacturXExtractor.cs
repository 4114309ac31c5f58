using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace SubscriptionPortal.Billing.EInvoicing;

/// <summary>Reads the <c>factur-x.xml</c> back out of a stored Factur-X PDF, for the XML download.</summary>
internal static class FacturXExtractor
{
    /// <summary>The embedded XML's bytes, or null when the PDF carries none (a document issued before Factur-X).</summary>
    public static byte[]? TryExtract(byte[] pdf)
    {
        using var stream = new MemoryStream(pdf, writable: false);
        using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        var names = document.Internals.Catalog.Elements.GetDictionary("/Names")?.Elements.GetDictionary("/EmbeddedFiles")?.Elements.GetArray("/Names");
        if (names is null)
        {
            return null;
        }

        for (var i = 0; i + 1 < names.Elements.Count; i += 2)
        {
            if (names.Elements.GetString(i) != FacturXPdf.FileName)
            {
                continue;
            }

            var file = names.Elements.GetDictionary(i + 1)?.Elements.GetDictionary("/EF")?.Elements.GetDictionary("/F");
            return file?.Stream?.UnfilteredValue;
        }

        return null;
    }
}

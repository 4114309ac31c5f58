using System.Security.Cryptography;
using System.Text;
using PdfSharp.Pdf;

namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// Removes PDFsharp's random values so that rendering the same document twice gives the same bytes
/// (an issued document is stored with its SHA-256, and a re-render must be verifiable against it).
/// PDFsharp 6.2 draws three things at random: the trailer /ID, the six-letter font subset tags and the
/// XMP DocumentID/InstanceID. Each is replaced by a value derived from a seed unique to the document.
/// </summary>
internal static class PdfReproducibility
{
    private static readonly byte[][] XmpIdMarkers =
    [
        Encoding.ASCII.GetBytes("<xmpMM:DocumentID>uuid:"),
        Encoding.ASCII.GetBytes("<xmpMM:InstanceID>uuid:"),
    ];

    /// <summary>Sets the trailer's file identifier; call before saving.</summary>
    public static void SetDocumentId(PdfDocument document, string seed)
    {
        // PDFsharp stores the identifier as a "raw" string: one char per byte.
        var id = new string(Hash("id:" + seed)[..16].Select(b => (char)b).ToArray());
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;
    }

    /// <summary>Renames the embedded font subsets (e.g. "QXKZPA+DejaVu Sans"); call after drawing, before saving.</summary>
    public static void SetFontSubsetTags(PdfDocument document, string seed)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dictionary in document.Internals.GetAllObjects().OfType<PdfDictionary>())
        {
            foreach (var key in (ReadOnlySpan<string>)["/FontName", "/BaseFont"])
            {
                // A PdfName keeps its leading slash: "/ABCDEF+DejaVu Sans".
                var name = dictionary.Elements.GetName(key);
                if (name.Length < 9 || name[7] != '+')
                {
                    continue;
                }

                if (!tags.TryGetValue(name, out var tag))
                {
                    tag = SubsetTag(Hash($"font:{seed}:{tags.Count}:{name[8..]}"));
                    tags.Add(name, tag);
                }

                dictionary.Elements.SetName(key, "/" + tag + name[7..]);
            }
        }
    }

    /// <summary>
    /// Rewrites the XMP identifiers in the saved file. PDFsharp writes the XMP packet uncompressed
    /// while saving, so the only place to fix them is the output; each UUID keeps its length, which
    /// leaves every cross-reference offset valid.
    /// </summary>
    public static void SetXmpIdentifiers(byte[] pdf, string seed)
    {
        for (var m = 0; m < XmpIdMarkers.Length; m++)
        {
            var at = pdf.AsSpan().IndexOf(XmpIdMarkers[m]);
            if (at < 0)
            {
                continue;
            }

            var uuid = Encoding.ASCII.GetBytes(new Guid(Hash($"xmp{m}:{seed}")[..16]).ToString("D"));
            uuid.CopyTo(pdf.AsSpan(at + XmpIdMarkers[m].Length, uuid.Length));
        }
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    private static string SubsetTag(byte[] hash) =>
        string.Create(6, hash, (letters, bytes) =>
        {
            for (var i = 0; i < letters.Length; i++)
            {
                letters[i] = (char)('A' + (bytes[i] % 26));
            }
        });
}

using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// Writes a PDF file object by object into one buffer: the header, numbered objects (dictionaries and
/// streams, compressed or not), then the cross-reference table and the trailer. Object numbers are
/// reserved before they are written, so an object can name one written after it. The caller writes
/// each dictionary's body in PDF syntax; this class takes care of offsets, lengths and compression.
/// </summary>
internal sealed class PdfFileWriter : IDisposable
{
    // Room for a one-page document at once (about 35 KB); a longer one borrows a larger buffer.
    private const int InitialCapacity = 64 * 1024;

    // The width reserved for a stream's /Length before its bytes are known; the number is written in it afterwards.
    private const int LengthWidth = 10;

    private readonly PooledBuffer output = new(InitialCapacity);
    private readonly List<long> offsets = [];

    public PdfFileWriter()
    {
        // The comment of four bytes above 127 tells transfer programs the file is binary (PDF/A requires it).
        Ascii("%PDF-1.7\n%\u00E2\u00E3\u00CF\u00D3\n");
    }

    public void Dispose() => output.Dispose();

    /// <summary>Reserves the next object number.</summary>
    public int Reserve()
    {
        offsets.Add(-1);
        return offsets.Count;
    }

    /// <summary>Writes object <paramref name="number"/> as the dictionary whose body (between &lt;&lt; and &gt;&gt;) is given.</summary>
    public void Dictionary(int number, string body)
    {
        Begin(number);
        Ascii("<<").Ascii(body).Ascii(">>\nendobj\n");
    }

    /// <summary>
    /// The zlib level at which <see cref="Stream"/> compresses what each document writes anew. Parts kept from one
    /// document to the next and compressed once (<see cref="Deflate"/>) take it too when they must come out as a
    /// fresh compression would. Measured on a one-page invoice's streams: level 1 (<see cref="CompressionLevel.Fastest"/>,
    /// a quick pass with fixed codes) leaves the page's operators and the XML about a third larger than level 3, which
    /// costs about 10 µs more per stream; the default level, 6, saves a further 3 to 8 % for twice the time.
    /// </summary>
    public const int StreamCompressionLevel = 3;

    private static readonly ZLibCompressionOptions StreamCompression = new() { CompressionLevel = StreamCompressionLevel };

    /// <summary>Writes a stream object: its dictionary's body without /Length or /Filter, then its bytes, compressed when asked.</summary>
    public void Stream(int number, string body, ReadOnlySpan<byte> data, bool compress)
    {
        Begin(number);
        Ascii("<<").Ascii(body).Ascii(compress ? "/Filter/FlateDecode/Length " : "/Length ");
        var lengthAt = output.Position;
        Ascii(new string(' ', LengthWidth)).Ascii(">>\nstream\n");
        var start = output.Position;
        if (compress)
        {
            using var zlib = new ZLibStream(output, StreamCompression, leaveOpen: true);
            zlib.Write(data);
        }
        else
        {
            output.Write(data);
        }

        var length = output.Position - start;
        Ascii("\nendstream\nendobj\n");
        var digits = length.ToString(CultureInfo.InvariantCulture);
        Encoding.ASCII.GetBytes(digits, output.WrittenBytes.Slice((int)lengthAt, digits.Length));
    }

    /// <summary>Writes a stream whose bytes are already encoded, with the /Filter the body names.</summary>
    public void EncodedStream(int number, string body, ReadOnlySpan<byte> data)
    {
        Begin(number);
        Ascii("<<").Ascii(body).Ascii("/Length ").Ascii(data.Length.ToString(CultureInfo.InvariantCulture)).Ascii(">>\nstream\n");
        output.Write(data);
        Ascii("\nendstream\nendobj\n");
    }

    /// <summary>Writes the cross-reference table and the trailer, and returns the file.</summary>
    public byte[] Finish(int catalog, int information, ReadOnlySpan<byte> identifier)
    {
        var xref = output.Position;
        Ascii("xref\n0 ").Ascii((offsets.Count + 1).ToString(CultureInfo.InvariantCulture)).Ascii("\n0000000000 65535 f \n");
        for (var i = 0; i < offsets.Count; i++)
        {
            if (offsets[i] < 0)
            {
                throw new InvalidOperationException($"Object {i + 1} was reserved but never written.");
            }

            Ascii(offsets[i].ToString("D10", CultureInfo.InvariantCulture)).Ascii(" 00000 n \n");
        }

        var id = Convert.ToHexString(identifier);
        Ascii($"trailer\n<</Size {offsets.Count + 1}/Root {catalog} 0 R/Info {information} 0 R/ID[<{id}><{id}>]>>\nstartxref\n{xref}\n%%EOF\n");
        return output.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Compresses bytes written in many documents alike (the output intent's profile, a logo, a font subset)
    /// once, at zlib's default level (6) unless <paramref name="level"/> says otherwise, for <see cref="EncodedStream"/>
    /// with <c>/Filter/FlateDecode</c>.
    /// </summary>
    public static byte[] Deflate(ReadOnlySpan<byte> data, int level = 6)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, new ZLibCompressionOptions { CompressionLevel = level }))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>A text string: plain ASCII written literally, anything else as UTF-16 with its byte order mark.</summary>
    public static string Text(string value)
    {
        if (Ascii7(value))
        {
            var escaped = new StringBuilder(value.Length + 2).Append('(');
            foreach (var c in value)
            {
                if (c is '(' or ')' or '\\')
                {
                    escaped.Append('\\');
                }

                escaped.Append(c < ' ' ? ' ' : c);
            }

            return escaped.Append(')').ToString();
        }

        return "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value)) + ">";
    }

    private static bool Ascii7(string value)
    {
        foreach (var c in value)
        {
            if (c > '~')
            {
                return false;
            }
        }

        return true;
    }

    private void Begin(int number)
    {
        if (offsets[number - 1] >= 0)
        {
            throw new InvalidOperationException($"Object {number} is written twice.");
        }

        offsets[number - 1] = output.Position;
        Ascii(number.ToString(CultureInfo.InvariantCulture)).Ascii(" 0 obj\n");
    }

    private PdfFileWriter Ascii(string text)
    {
        Span<byte> bytes = stackalloc byte[256];
        var at = 0;
        while (at < text.Length)
        {
            var count = Math.Min(bytes.Length, text.Length - at);
            for (var i = 0; i < count; i++)
            {
                bytes[i] = (byte)text[at + i];
            }

            output.Write(bytes[..count]);
            at += count;
        }

        return this;
    }
}

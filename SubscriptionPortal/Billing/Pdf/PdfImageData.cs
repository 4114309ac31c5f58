using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// An image as a PDF image XObject holds it: the seller's logo, read once per process and then copied
/// into every document, so its samples are stored compressed.
/// </summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="ColorSpace">"/DeviceRGB" or "/DeviceGray", the PDF name with its slash.</param>
/// <param name="BitsPerComponent">Always 8.</param>
/// <param name="Filter">"/FlateDecode" or "/DCTDecode", the PDF name with its slash.</param>
/// <param name="Data">The image stream's bytes, already encoded with <paramref name="Filter"/> (zlib format for Flate).</param>
/// <param name="Alpha">
/// Null when the image is fully opaque; otherwise the soft mask: Width × Height 8-bit gray samples,
/// zlib-compressed (/FlateDecode, /DeviceGray, 8 bits).
/// </param>
internal sealed record PdfImageData(
    int Width,
    int Height,
    string ColorSpace,
    int BitsPerComponent,
    string Filter,
    byte[] Data,
    byte[]? Alpha)
{
    /// <summary>
    /// Far above any logo, low enough that a forged header cannot make the reader allocate gigabytes.
    /// </summary>
    private const long MaxPixels = 40_000_000;

    /// <summary>The most bytes one compressed byte can inflate to in a zlib stream (RFC 1951's longest match on a one-bit code).</summary>
    private const long MaxDeflateRatio = 1032;

    private const string DeviceRgb = "/DeviceRGB";
    private const string DeviceGray = "/DeviceGray";
    private const string NotPngOrJpeg =
        "The logo file is neither a PNG nor a JPEG image; only PNG and JPEG logos are supported. Save the logo as PNG.";

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> EndOfImage => [0xFF, 0xD9];

    /// <summary>
    /// Reads a PNG or a JPEG file. Throws <see cref="InvalidDataException"/> with a message an operator
    /// understands (what is wrong and what to do) for anything unsupported or broken, so a bad logo is
    /// reported at the first document rather than producing a PDF that viewers cannot show.
    /// </summary>
    public static PdfImageData Read(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.AsSpan().StartsWith(PngSignature))
        {
            return ReadPng(file);
        }

        if (file.Length >= 2 && file[0] == 0xFF && file[1] == 0xD8)
        {
            return ReadJpeg(file);
        }

        throw new InvalidDataException(NotPngOrJpeg);
    }

    private static void CheckPixelCount(long width, long height, string format)
    {
        if (width == 0 || height == 0)
        {
            throw new InvalidDataException($"The logo {format} says it has no pixels ({width} × {height}); the file is broken. Save the logo again.");
        }

        // Each side is checked first so that the product cannot overflow.
        if (width > MaxPixels || height > MaxPixels || width * height > MaxPixels)
        {
            throw new InvalidDataException(
                $"The logo {format} is {width} × {height} pixels, far larger than a logo needs; scale it down (a few hundred pixels wide is plenty).");
        }
    }

    private static InvalidDataException Broken(string format, string what) =>
        new($"The logo {format} is broken or incomplete ({what}); save the logo again or export it anew.");

    // ---- JPEG ------------------------------------------------------------------------------------
    // PDF decodes baseline and progressive JPEG itself (/DCTDecode), so the file is embedded as it is
    // and only its frame header (ITU-T T.81, B.2.2) is read for the image's size and colours.

    private static PdfImageData ReadJpeg(byte[] file)
    {
        const string Format = "JPEG";
        (int Width, int Height, int Components)? frame = null;
        var position = 2;
        while (true)
        {
            var marker = NextJpegMarker(file, ref position);
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                // Markers without a length: TEM and the restart markers.
                continue;
            }

            if (marker == 0xD9)
            {
                throw Broken(Format, "it ends before its image data");
            }

            if (position + 2 > file.Length)
            {
                throw Broken(Format, "a header is cut short");
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(position));
            if (length < 2 || position + length > file.Length)
            {
                throw Broken(Format, "a header is cut short");
            }

            var segment = file.AsSpan(position + 2, length - 2);
            position += length;
            if (marker == 0xDA)
            {
                // Start of scan: the headers are over.
                break;
            }

            if (frame is null && IsStartOfFrame(marker))
            {
                frame = ReadJpegFrame(marker, segment);
            }
        }

        if (frame is not { } found)
        {
            throw Broken(Format, "it has no frame header before its image data");
        }

        // The end-of-image marker cannot occur inside the entropy-coded data (an FF there is always
        // followed by 00 or a restart marker), so finding it tells a complete file from a cut one.
        if (file.AsSpan(position).IndexOf(EndOfImage) < 0)
        {
            throw Broken(Format, "it has no end marker, so it was probably cut short");
        }

        var colorSpace = found.Components == 1 ? DeviceGray : DeviceRgb;
        // A copy, so that the caller reusing its buffer cannot change a cached logo.
        return new PdfImageData(found.Width, found.Height, colorSpace, 8, "/DCTDecode", file.ToArray(), null);
    }

    /// <summary>Moves past the next marker (and any fill bytes before it) and returns its code.</summary>
    private static byte NextJpegMarker(byte[] file, ref int position)
    {
        if (position >= file.Length || file[position] != 0xFF)
        {
            throw Broken("JPEG", "a header is missing where one was expected");
        }

        while (position < file.Length && file[position] == 0xFF)
        {
            position++;
        }

        if (position >= file.Length)
        {
            throw Broken("JPEG", "a header is cut short");
        }

        return file[position++];
    }

    /// <summary>SOF0–SOF15, leaving out DHT (C4), JPG (C8) and DAC (CC), which share the range.</summary>
    private static bool IsStartOfFrame(byte marker) =>
        marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    private static (int Width, int Height, int Components) ReadJpegFrame(byte marker, ReadOnlySpan<byte> segment)
    {
        const string Format = "JPEG";
        if (marker is not (0xC0 or 0xC1 or 0xC2))
        {
            // Lossless, hierarchical and arithmetic-coded JPEGs are rare and not every PDF viewer shows them.
            throw new InvalidDataException(
                "The logo is a JPEG of an unusual kind (lossless, hierarchical or arithmetic-coded) that PDF viewers may not show; save it as an ordinary (baseline) JPEG or as PNG.");
        }

        if (segment.Length < 6)
        {
            throw Broken(Format, "its frame header is cut short");
        }

        var precision = segment[0];
        var height = BinaryPrimitives.ReadUInt16BigEndian(segment[1..]);
        var width = BinaryPrimitives.ReadUInt16BigEndian(segment[3..]);
        var components = segment[5];
        if (segment.Length < 6 + (3 * components))
        {
            throw Broken(Format, "its frame header is cut short");
        }

        if (precision != 8)
        {
            throw new InvalidDataException(
                $"The logo is a JPEG with {precision}-bit samples; PDF documents need 8-bit JPEGs. Save it as an ordinary 8-bit JPEG or as PNG.");
        }

        if (height == 0)
        {
            // A height of zero means it is given after the first scan (a DNL marker), which PDF does not allow.
            throw new InvalidDataException(
                "The logo is a JPEG that gives its height only after the image data, which PDF does not allow; save it again as an ordinary JPEG or as PNG.");
        }

        CheckPixelCount(width, height, Format);
        return components switch
        {
            1 or 3 => (width, height, components),
            4 => throw new InvalidDataException(
                "The logo is a CMYK JPEG; the documents use RGB colours (PDF/A with an sRGB profile), so save the logo as an RGB JPEG or as PNG."),
            _ => throw new InvalidDataException(
                $"The logo is a JPEG with {components} colour components; only grayscale and RGB JPEGs are supported. Save it as an RGB JPEG or as PNG."),
        };
    }

    // ---- PNG -------------------------------------------------------------------------------------
    // PDF cannot take a PNG file as it is (its alpha, palette transparency and 16-bit samples have no
    // direct equivalent), so the pixels are decoded (ISO/IEC 15948) and re-encoded as plain 8-bit samples.

    private sealed record PngHeader(int Width, int Height, int BitDepth, int ColorType)
    {
        public int Channels => ColorType switch { 2 => 3, 4 => 2, 6 => 4, _ => 1 };

        public int BitsPerPixel => Channels * BitDepth;

        /// <summary>The bytes of one row of samples, without its filter-type byte.</summary>
        public long RowBytes => ((Width * (long)BitsPerPixel) + 7) / 8;
    }

    private static PdfImageData ReadPng(byte[] file)
    {
        const string Format = "PNG";
        PngHeader? header = null;
        byte[]? palette = null;
        byte[]? transparency = null;
        using var compressed = new MemoryStream();
        var ended = false;
        var position = PngSignature.Length;
        while (!ended)
        {
            // Each chunk: length (4), type (4), data (length), CRC (4).
            if (file.Length - position < 12)
            {
                throw Broken(Format, "it ends before its end chunk, so it was probably cut short");
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(position));
            var type = Encoding.ASCII.GetString(file, position + 4, 4);
            if (length > file.Length - position - 12)
            {
                throw Broken(Format, $"its {type} chunk is cut short");
            }

            var data = file.AsSpan(position + 8, (int)length);
            position += 12 + (int)length;
            if (header is null && type != "IHDR")
            {
                throw Broken(Format, "it does not start with its header chunk");
            }

            switch (type)
            {
                case "IHDR" when header is null:
                    header = ReadPngHeader(data);
                    break;
                case "IHDR":
                    throw Broken(Format, "it has two header chunks");
                case "PLTE":
                    if (data.Length == 0 || data.Length % 3 != 0 || data.Length > 256 * 3)
                    {
                        throw Broken(Format, "its palette has a wrong size");
                    }

                    palette = data.ToArray();
                    break;
                case "tRNS":
                    transparency = data.ToArray();
                    break;
                case "IDAT":
                    compressed.Write(data);
                    break;
                case "IEND":
                    ended = true;
                    break;
                default:
                    // An uppercase first letter marks a chunk the image cannot be shown without.
                    if (char.IsAsciiLetterUpper(type[0]))
                    {
                        throw new InvalidDataException(
                            $"The logo PNG uses a feature (its \"{type}\" chunk) that is not supported; save it again as an ordinary PNG.");
                    }

                    break;
            }
        }

        if (header is null || compressed.Length == 0)
        {
            throw Broken(Format, "it has no image data");
        }

        if (header.ColorType == 3 && palette is null)
        {
            throw Broken(Format, "it uses a palette but has none");
        }

        var rows = Inflate(compressed, header);
        Unfilter(rows, header);
        return ToPdfImage(rows, header, palette, transparency);
    }

    private static PngHeader ReadPngHeader(ReadOnlySpan<byte> data)
    {
        const string Format = "PNG";
        if (data.Length != 13)
        {
            throw Broken(Format, "its header chunk has a wrong size");
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(data);
        var height = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        int bitDepth = data[8];
        int colorType = data[9];
        if (data[10] != 0 || data[11] != 0)
        {
            throw Broken(Format, "its header names an unknown compression or filter method");
        }

        var validDepths = colorType switch
        {
            0 => [1, 2, 4, 8, 16],
            3 => [1, 2, 4, 8],
            2 or 4 or 6 => [8, 16],
            _ => Array.Empty<int>(),
        };
        if (!validDepths.Contains(bitDepth))
        {
            throw Broken(Format, $"its header has colour type {colorType} with {bitDepth}-bit samples, which PNG does not define");
        }

        if (data[12] == 1)
        {
            throw new InvalidDataException("The logo is an interlaced PNG; save it without interlacing.");
        }

        if (data[12] != 0)
        {
            throw Broken(Format, "its header names an unknown interlace method");
        }

        CheckPixelCount(width, height, Format);
        return new PngHeader((int)width, (int)height, bitDepth, colorType);
    }

    /// <summary>Inflates the joined IDAT data into rows, each a filter-type byte then the row's bytes.</summary>
    private static byte[] Inflate(MemoryStream compressed, PngHeader header)
    {
        var size = header.Height * (1 + header.RowBytes);
        if (size > Array.MaxLength)
        {
            throw new InvalidDataException(
                $"The logo PNG is {header.Width} × {header.Height} pixels, far larger than a logo needs; scale it down (a few hundred pixels wide is plenty).");
        }

        // Deflate expands its input at most 1 032 times: data too short to fill the announced size is refused
        // before that size is allocated, so a forged header cannot make us reserve hundreds of megabytes.
        if (size > (compressed.Length * MaxDeflateRatio) + 1024)
        {
            throw Broken("PNG", "its image data is shorter than its size says");
        }

        var rows = new byte[size];
        int read;
        compressed.Position = 0;
        try
        {
            using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
            // Reading no more than the size the header announces, so a forged stream cannot make us inflate more.
            read = zlib.ReadAtLeast(rows, rows.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException exception)
        {
            throw new InvalidDataException(
                "The logo PNG is broken or incomplete (its compressed image data cannot be read); save the logo again or export it anew.", exception);
        }

        if (read < rows.Length)
        {
            throw Broken("PNG", "its image data is shorter than its size says");
        }

        return rows;
    }

    /// <summary>
    /// Undoes the per-row filters in place. Each filter predicts a byte from the byte one pixel to the
    /// left (a), the byte above (b) and the byte above-left (c), all zero outside the image.
    /// </summary>
    private static void Unfilter(byte[] rows, PngHeader header)
    {
        var rowBytes = (int)header.RowBytes;
        var stride = rowBytes + 1;
        // Filters work on bytes, a whole pixel to the left, and at least one byte for packed samples.
        var pixelBytes = Math.Max(1, header.BitsPerPixel / 8);
        var zeros = new byte[rowBytes];
        for (var y = 0; y < header.Height; y++)
        {
            var filter = rows[y * (long)stride];
            if (filter > 4)
            {
                throw Broken("PNG", $"row {y + 1} has an unknown filter type {filter}");
            }

            var row = rows.AsSpan((int)((y * (long)stride) + 1), rowBytes);
            ReadOnlySpan<byte> above = y == 0 ? zeros : rows.AsSpan((int)(((y - 1) * (long)stride) + 1), rowBytes);
            for (var i = 0; i < rowBytes; i++)
            {
                int a = i >= pixelBytes ? row[i - pixelBytes] : 0;
                int b = above[i];
                int c = i >= pixelBytes ? above[i - pixelBytes] : 0;
                var prediction = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    _ => Paeth(a, b, c),
                };
                row[i] = (byte)(row[i] + prediction);
            }
        }
    }

    /// <summary>Of a, b and c, the one closest to a + b − c, ties going to a, then b.</summary>
    private static int Paeth(int a, int b, int c)
    {
        var estimate = a + b - c;
        var toA = Math.Abs(estimate - a);
        var toB = Math.Abs(estimate - b);
        var toC = Math.Abs(estimate - c);
        if (toA <= toB && toA <= toC)
        {
            return a;
        }

        return toB <= toC ? b : c;
    }

    private static PdfImageData ToPdfImage(byte[] rows, PngHeader header, byte[]? palette, byte[]? transparency)
    {
        var isGray = header.ColorType is 0 or 4;
        var colorChannels = isGray ? 1 : 3;
        var pixels = header.Width * header.Height;
        var color = new byte[(long)pixels * colorChannels];
        var alpha = new byte[pixels];
        var stride = (int)header.RowBytes + 1;
        var depth = header.BitDepth;
        // The value of a raw sample at full depth, e.g. 0..3 for 2-bit, 0..65535 for 16-bit.
        var maxSample = (1 << depth) - 1;

        // A tRNS chunk for gray or RGB names one colour, at the image's depth, that is fully transparent.
        int[]? transparentColor = header.ColorType switch
        {
            0 when transparency is { Length: >= 2 } => [BinaryPrimitives.ReadUInt16BigEndian(transparency)],
            2 when transparency is { Length: >= 6 } =>
            [
                BinaryPrimitives.ReadUInt16BigEndian(transparency),
                BinaryPrimitives.ReadUInt16BigEndian(transparency.AsSpan(2)),
                BinaryPrimitives.ReadUInt16BigEndian(transparency.AsSpan(4)),
            ],
            _ => null,
        };

        for (var y = 0; y < header.Height; y++)
        {
            ReadOnlySpan<byte> row = rows.AsSpan((int)((y * (long)stride) + 1), stride - 1);
            for (var x = 0; x < header.Width; x++)
            {
                var pixel = (y * header.Width) + x;
                var first = x * header.Channels;
                switch (header.ColorType)
                {
                    case 0:
                    case 4:
                        {
                            var gray = Sample(row, first, depth);
                            color[pixel] = ToByte(gray, depth, maxSample);
                            alpha[pixel] = header.ColorType == 4
                                ? ToByte(Sample(row, first + 1, depth), depth, maxSample)
                                : (transparentColor is not null && gray == transparentColor[0] ? (byte)0 : (byte)255);
                            break;
                        }

                    case 2:
                    case 6:
                        {
                            var red = Sample(row, first, depth);
                            var green = Sample(row, first + 1, depth);
                            var blue = Sample(row, first + 2, depth);
                            color[3 * pixel] = ToByte(red, depth, maxSample);
                            color[(3 * pixel) + 1] = ToByte(green, depth, maxSample);
                            color[(3 * pixel) + 2] = ToByte(blue, depth, maxSample);
                            var isTransparent = transparentColor is not null
                                && red == transparentColor[0] && green == transparentColor[1] && blue == transparentColor[2];
                            alpha[pixel] = header.ColorType == 6
                                ? ToByte(Sample(row, first + 3, depth), depth, maxSample)
                                : (isTransparent ? (byte)0 : (byte)255);
                            break;
                        }

                    default:
                        {
                            var index = Sample(row, first, depth);
                            if (3 * index >= palette!.Length)
                            {
                                throw Broken("PNG", $"a pixel uses colour {index} of a palette of {palette.Length / 3}");
                            }

                            palette.AsSpan(3 * index, 3).CopyTo(color.AsSpan(3 * pixel));
                            alpha[pixel] = transparency is not null && index < transparency.Length ? transparency[index] : (byte)255;
                            break;
                        }
                }
            }
        }

        var opaque = !alpha.AsSpan().ContainsAnyExcept((byte)255);
        return new PdfImageData(
            header.Width,
            header.Height,
            isGray ? DeviceGray : DeviceRgb,
            8,
            "/FlateDecode",
            PdfFileWriter.Deflate(color),
            opaque ? null : PdfFileWriter.Deflate(alpha));
    }

    /// <summary>The raw value of the sample at <paramref name="index"/> in a row, samples packed at <paramref name="depth"/> bits.</summary>
    private static int Sample(ReadOnlySpan<byte> row, int index, int depth)
    {
        switch (depth)
        {
            case 8:
                return row[index];
            case 16:
                return BinaryPrimitives.ReadUInt16BigEndian(row[(2 * index)..]);
            default:
                {
                    // Packed samples fill each byte from its most significant bit.
                    var bit = index * depth;
                    var shift = 8 - depth - (bit % 8);
                    return (row[bit / 8] >> shift) & ((1 << depth) - 1);
                }
        }
    }

    /// <summary>
    /// A sample as 8 bits: 16-bit samples keep their high byte, and 1, 2 and 4-bit ones are spread over
    /// 0–255 (a 1-bit 1 is white, not 1). Palette indices never come here.
    /// </summary>
    private static byte ToByte(int sample, int depth, int maxSample) => depth switch
    {
        8 => (byte)sample,
        16 => (byte)(sample >> 8),
        _ => (byte)(sample * 255 / maxSample),
    };
}

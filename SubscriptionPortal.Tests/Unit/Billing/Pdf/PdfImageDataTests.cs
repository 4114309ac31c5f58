using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SubscriptionPortal.Billing.Pdf;

namespace SubscriptionPortal.Tests.Unit.Billing.Pdf;

public sealed class PdfImageDataTests
{
    private const int Gray = 0;
    private const int Rgb = 2;
    private const int Palette = 3;
    private const int GrayAlpha = 4;
    private const int Rgba = 6;

    // Made with libjpeg's cjpeg from known pixels: 3 × 2 RGB baseline (SOF0, with quantization and
    // Huffman tables before the frame header) and 2 × 3 grayscale progressive (SOF2).
    private const string RgbBaselineJpeg =
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUV" +
        "DA8XGBYUGBIUFRT/2wBDAQMEBAUEBQkFBQkUDQsNFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQU" +
        "FBT/wAARCAACAAMDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAj/xAAeEAACAgICAwAAAAAAAAAAAAABAgAEAwUIEQcTI//E" +
        "ABUBAQEAAAAAAAAAAAAAAAAAAAUI/8QAHhEAAAQHAAAAAAAAAAAAAAAAAAECAwQGMzVxc7L/2gAMAwEAAhEDEQA/AIq51MdLy48na/Xk" +
        "0KFTaeivVrfPFhxrjRVRFXoKoAAAA6AEREoqXrNBam+CBDtRWTH/2Q==";

    private const string GrayProgressiveJpeg =
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUV" +
        "DA8XGBYUGBIUFRT/wgALCAADAAIBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAB//aAAgBAQAAAAEq/8QAFRABAQAAAAAAAAAAAAAAAAAA" +
        "BQP/2gAIAQEAAQUCcWue1//EABwQAAICAgMAAAAAAAAAAAAAAAEDAgQABREUQv/aAAgBAQAGPwLYVa8a60IsMWuPWWeIiRA85//EABgQ" +
        "AQEAAwAAAAAAAAAAAAAAAAERACEx/9oACAEBAAE/IdDQiqhWmAdz/9oACAEBAAAAEH//xAAYEAEBAAMAAAAAAAAAAAAAAAABEQAhMf/a" +
        "AAgBAQABPxDtxGt09BKlZVXef//Z";

    // ---- PNG: each colour type and bit depth, from known pixels --------------------------------

    [Theory]
    [InlineData(1, 255)]
    [InlineData(2, 85)]
    [InlineData(4, 17)]
    [InlineData(8, 1)]
    public void Read_GrayPng_UnpacksSamplesAndSpreadsThemOver0To255(int depth, int scale)
    {
        // Seven columns, so that packed rows end inside a byte.
        var (width, height) = (7, 6);
        var max = (1 << depth) - 1;
        var samples = Enumerable.Range(0, width * height).Select(i => (i * 5) % (max + 1)).ToArray();

        var image = PdfImageData.Read(Png(width, height, Gray, depth, Pack(depth, width, samples)));

        AssertFlate(image, width, height, "/DeviceGray");
        Assert.Equal(samples.Select(s => (byte)(s * scale)), Inflate(image.Data));
        Assert.Null(image.Alpha);
    }

    [Fact]
    public void Read_SixteenBitGrayPng_KeepsTheHighByte()
    {
        ushort[] samples = [0x0000, 0x12FF, 0xAB01, 0xFFFF, 0x8080, 0x7F7F, 0x0100, 0xFE00, 0x00FF, 0x4000];

        var image = PdfImageData.Read(Png(2, 5, Gray, 16, Pack(16, 2, samples.Select(s => (int)s).ToArray())));

        AssertFlate(image, 2, 5, "/DeviceGray");
        Assert.Equal(samples.Select(s => (byte)(s >> 8)), Inflate(image.Data));
        Assert.Null(image.Alpha);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    public void Read_RgbPng_GivesItsSamplesAsEightBitRgb(int depth)
    {
        var (width, height) = (3, 5);
        var samples = Enumerable.Range(0, width * height * 3).Select(i => Sample(i, depth)).ToArray();

        var image = PdfImageData.Read(Png(width, height, Rgb, depth, Pack(depth, width * 3, samples)));

        AssertFlate(image, width, height, "/DeviceRGB");
        Assert.Equal(samples.Select(s => HighByte(s, depth)), Inflate(image.Data));
        Assert.Null(image.Alpha);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    public void Read_GrayAlphaPng_SplitsGrayFromAlpha(int depth)
    {
        var (width, height) = (4, 5);
        var samples = Enumerable.Range(0, width * height * 2).Select(i => Sample(i, depth)).ToArray();

        var image = PdfImageData.Read(Png(width, height, GrayAlpha, depth, Pack(depth, width * 2, samples)));

        AssertFlate(image, width, height, "/DeviceGray");
        Assert.Equal(samples.Where((_, i) => i % 2 == 0).Select(s => HighByte(s, depth)), Inflate(image.Data));
        Assert.Equal(samples.Where((_, i) => i % 2 == 1).Select(s => HighByte(s, depth)), Inflate(image.Alpha!));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    public void Read_RgbaPng_SplitsRgbFromAlpha(int depth)
    {
        // Sixteen-bit RGBA has eight bytes a pixel: the filters must look a whole pixel to the left.
        var (width, height) = (3, 5);
        var samples = Enumerable.Range(0, width * height * 4).Select(i => Sample(i, depth)).ToArray();

        var image = PdfImageData.Read(Png(width, height, Rgba, depth, Pack(depth, width * 4, samples)));

        AssertFlate(image, width, height, "/DeviceRGB");
        Assert.Equal(samples.Where((_, i) => i % 4 != 3).Select(s => HighByte(s, depth)), Inflate(image.Data));
        Assert.Equal(samples.Where((_, i) => i % 4 == 3).Select(s => HighByte(s, depth)), Inflate(image.Alpha!));
    }

    [Fact]
    public void Read_RgbaPngWhoseAlphaIsAllOpaque_HasNoAlpha()
    {
        var samples = Enumerable.Range(0, 3 * 5 * 4).Select(i => i % 4 == 3 ? 255 : i * 3).ToArray();

        var image = PdfImageData.Read(Png(3, 5, Rgba, 8, Pack(8, 3 * 4, samples)));

        Assert.Null(image.Alpha);
        Assert.Equal(samples.Where((_, i) => i % 4 != 3).Select(s => (byte)s), Inflate(image.Data));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void Read_PalettePng_ExpandsIndicesToRgb(int depth)
    {
        var (width, height) = (7, 5);
        var entries = 1 << depth;
        var palette = Enumerable.Range(0, entries * 3).Select(i => (byte)((i * 37) + 11)).ToArray();
        var indices = Enumerable.Range(0, width * height).Select(i => ((i * 3) + 1) % entries).ToArray();

        var image = PdfImageData.Read(Png(width, height, Palette, depth, Pack(depth, width, indices), palette: palette));

        AssertFlate(image, width, height, "/DeviceRGB");
        Assert.Equal(indices.SelectMany(i => palette.Skip(3 * i).Take(3)), Inflate(image.Data));
        Assert.Null(image.Alpha);
    }

    [Fact]
    public void Read_PalettePngWithTransparency_TakesAlphaFromTrns_AndOpaqueBeyondIt()
    {
        byte[] palette = [255, 0, 0, 0, 255, 0, 0, 0, 255, 9, 9, 9];
        // Entries 0 and 1 have an alpha; 2 and 3, past the end of tRNS, are opaque.
        byte[] transparency = [0, 128];
        int[] indices = [0, 1, 2, 3, 3, 2, 1, 0, 1, 1];

        var image = PdfImageData.Read(Png(2, 5, Palette, 2, Pack(2, 2, indices), palette: palette, transparency: transparency));

        Assert.Equal(indices.SelectMany(i => palette.Skip(3 * i).Take(3)), Inflate(image.Data));
        Assert.Equal(indices.Select(i => i < 2 ? transparency[i] : (byte)255), Inflate(image.Alpha!));
    }

    [Fact]
    public void Read_GrayPngWithTransparentColour_MakesThatGrayTransparent()
    {
        int[] samples = [7, 8, 7, 0, 255, 7, 6, 7, 7, 1];

        var image = PdfImageData.Read(Png(2, 5, Gray, 8, Pack(8, 2, samples), transparency: [0, 7]));

        Assert.Equal(samples.Select(s => (byte)s), Inflate(image.Data));
        Assert.Equal(samples.Select(s => s == 7 ? (byte)0 : (byte)255), Inflate(image.Alpha!));
    }

    [Fact]
    public void Read_SixteenBitRgbPngWithTransparentColour_ComparesAllSixteenBits()
    {
        // The second pixel differs from the transparent colour in its low byte only: it stays opaque.
        int[] samples =
        [
            0x1234, 0x5678, 0x9ABC, 0x1234, 0x5678, 0x9ABD,
            0x0000, 0x0000, 0x0000, 0x1234, 0x5678, 0x9ABC,
            0xFFFF, 0xFFFF, 0xFFFF, 0x1234, 0x5678, 0x9ABC,
            0x1234, 0x5678, 0x9A00, 0x1234, 0x0078, 0x9ABC,
            0x1234, 0x5678, 0x9ABC, 0x1234, 0x5678, 0x9ABC,
        ];
        byte[] transparency = [0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC];

        var image = PdfImageData.Read(Png(2, 5, Rgb, 16, Pack(16, 6, samples), transparency: transparency));

        Assert.Equal(samples.Select(s => (byte)(s >> 8)), Inflate(image.Data));
        Assert.Equal(new byte[] { 0, 255, 255, 0, 255, 0, 255, 255, 0, 0 }, Inflate(image.Alpha!));
    }

    [Fact]
    public void Read_PngWithEachFilterType_UndoesEachFilter()
    {
        // Rows filtered by hand with None, Sub, Up, Average and twice Paeth. Average's last column
        // sums past 255 (100 + 200). The first Paeth row picks the byte above (b) in columns 0 and 3,
        // above-left (c) in column 1 and left (a) in column 2; the second breaks a tie between
        // left and above-left (65 each) in column 2, which goes to left.
        byte[][] filteredRows =
        [
            [0, 10, 20, 30, 40],
            [1, 15, 10, 10, 10],
            [2, 5, 15, 7, 155],
            [3, 20, 15, 54, 70],
            [4, 226, 90, 191, 251],
            [4, 7, 130, 39, 140],
        ];

        var image = PdfImageData.Read(PngFile(4, 6, Gray, 8, filteredRows.SelectMany(row => row).ToArray()));

        byte[] expected = [10, 20, 30, 40, 15, 25, 35, 45, 20, 40, 42, 200, 30, 50, 100, 220, 0, 120, 55, 215, 7, 250, 33, 99];
        Assert.Equal(expected, Inflate(image.Data));
    }

    [Fact]
    public void Read_RepositoryFavicon_GivesRgbAndAlpha()
    {
        var image = PdfImageData.Read(File.ReadAllBytes(Favicon()));

        AssertFlate(image, 32, 32, "/DeviceRGB");
        var rgb = Inflate(image.Data);
        var alpha = Inflate(image.Alpha!);
        Assert.Equal(32 * 32 * 3, rgb.Length);
        Assert.Equal(32 * 32, alpha.Length);
        // A transparent corner and two opaque pixels of the mark, as a reference decoder reads them.
        Assert.Equal(0, alpha[0]);
        Assert.Equal(255, alpha[(16 * 32) + 16]);
        Assert.Equal(new byte[] { 122, 93, 220 }, rgb.AsSpan(3 * ((16 * 32) + 16), 3).ToArray());
        Assert.Equal(new byte[] { 184, 170, 233 }, rgb.AsSpan(3 * ((16 * 32) + 8), 3).ToArray());
    }

    [Fact]
    public void Read_SameFileTwice_GivesTheSameBytes()
    {
        var file = File.ReadAllBytes(Favicon());

        var first = PdfImageData.Read(file);
        var second = PdfImageData.Read(file);

        Assert.Equal(first.Data, second.Data);
        Assert.Equal(first.Alpha, second.Alpha);
    }

    [Fact]
    public void Read_InterlacedPng_IsRefusedWithAClearMessage()
    {
        var file = Png(2, 5, Gray, 8, new byte[10], interlace: 1);

        var error = Assert.Throws<InvalidDataException>(() => PdfImageData.Read(file));

        Assert.Equal("The logo is an interlaced PNG; save it without interlacing.", error.Message);
    }

    [Fact]
    public void Read_HugePng_IsRefusedBeforeAnythingIsAllocated()
    {
        var error = Assert.Throws<InvalidDataException>(() => PdfImageData.Read(PngFile(100_000, 100_000, Rgba, 16, [0])));

        Assert.Contains("100000 × 100000", error.Message, StringComparison.Ordinal);
        Assert.Contains("scale it down", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PngWhoseDataCannotFillItsAnnouncedSize_IsRefusedWithoutReservingThatSize()
    {
        // 6 000 × 6 000 RGBA at 8 bits is 144 MB of rows: a few bytes of data cannot inflate to that.
        var forged = PngFile(6_000, 6_000, Rgba, 8, new byte[64]);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<InvalidDataException>(() => PdfImageData.Read(forged));

        Assert.Equal("The logo PNG is broken or incomplete (its image data is shorter than its size says); save the logo again or export it anew.", error.Message);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 1_000_000);
    }

    [Fact]
    public void Read_PngThatCompressesAsFarAsDeflateAllows_IsStillRead()
    {
        // 2 000 × 2 000 white RGB pixels: 12 MB of rows in a few kilobytes of data, a ratio near deflate's limit.
        var rows = new byte[2_000 * (1 + (2_000 * 3))];
        for (var y = 0; y < 2_000; y++)
        {
            rows.AsSpan((y * 6_001) + 1, 6_000).Fill(0xFF);
        }

        var image = PdfImageData.Read(PngFile(2_000, 2_000, Rgb, 8, rows));

        AssertFlate(image, 2_000, 2_000, "/DeviceRGB");
        Assert.Null(image.Alpha);
    }

    public static TheoryData<string> BrokenPngs => new(BrokenPng.Keys);

    [Theory]
    [MemberData(nameof(BrokenPngs))]
    public void Read_BrokenPng_IsRefusedWithAMessageAboutTheLogo(string fault)
    {
        var error = Assert.Throws<InvalidDataException>(() => PdfImageData.Read(BrokenPng[fault]()));

        Assert.StartsWith("The logo", error.Message, StringComparison.Ordinal);
    }

    // ---- JPEG: passed through, its frame header read --------------------------------------------

    [Fact]
    public void Read_BaselineRgbJpeg_IsPassedThroughWithItsSize()
    {
        var file = Convert.FromBase64String(RgbBaselineJpeg);

        var image = PdfImageData.Read(file);

        Assert.Equal((3, 2, "/DeviceRGB", 8, "/DCTDecode"), (image.Width, image.Height, image.ColorSpace, image.BitsPerComponent, image.Filter));
        Assert.Equal(file, image.Data);
        Assert.Null(image.Alpha);
    }

    [Fact]
    public void Read_ProgressiveGrayJpeg_IsPassedThroughAsGray()
    {
        var file = Convert.FromBase64String(GrayProgressiveJpeg);

        var image = PdfImageData.Read(file);

        Assert.Equal((2, 3, "/DeviceGray", "/DCTDecode"), (image.Width, image.Height, image.ColorSpace, image.Filter));
        Assert.Equal(file, image.Data);
    }

    [Fact]
    public void Read_CmykJpeg_IsRefusedBecauseTheDocumentsAreRgb()
    {
        var error = Assert.Throws<InvalidDataException>(() => PdfImageData.Read(JpegHeaders(0xC0, precision: 8, components: 4)));

        Assert.Contains("CMYK", error.Message, StringComparison.Ordinal);
        Assert.Contains("RGB JPEG or as PNG", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0xC1, 12, 3, "12-bit")]
    [InlineData(0xC3, 8, 3, "lossless")]
    [InlineData(0xC9, 8, 3, "arithmetic")]
    [InlineData(0xC0, 8, 2, "2 colour components")]
    public void Read_UnusualJpeg_IsRefusedSayingWhy(int marker, int precision, int components, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => PdfImageData.Read(JpegHeaders((byte)marker, (byte)precision, (byte)components)));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HugeJpeg_IsRefused()
    {
        var error = Assert.Throws<InvalidDataException>(() => PdfImageData.Read(JpegHeaders(0xC0, 8, 3, width: 65535, height: 65535)));

        Assert.Contains("scale it down", error.Message, StringComparison.Ordinal);
    }

    // ---- Anything else, and damage ---------------------------------------------------------------

    [Theory]
    [InlineData("")]
    [InlineData("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==")] // a 1 × 1 GIF
    [InlineData("Qk0eAAAAAAAAABoAAAAMAAAAAQABAAEAGAAAAP8A")] // a 1 × 1 BMP
    [InlineData("PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=")] // an SVG
    public void Read_NeitherPngNorJpeg_IsRefusedNamingTheSupportedFormats(string base64)
    {
        var error = Assert.Throws<InvalidDataException>(() => PdfImageData.Read(Convert.FromBase64String(base64)));

        Assert.Contains("only PNG and JPEG logos are supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FileCutAtAnyLength_IsRefusedAsInvalidData()
    {
        byte[][] files =
        [
            Png(3, 5, Rgba, 16, Pack(16, 12, Enumerable.Range(0, 60).Select(i => Sample(i, 16)).ToArray())),
            Png(7, 5, Palette, 2, Pack(2, 7, Enumerable.Range(0, 35).Select(i => i % 4).ToArray()), palette: new byte[12], transparency: [0]),
            Convert.FromBase64String(RgbBaselineJpeg),
            Convert.FromBase64String(GrayProgressiveJpeg),
        ];

        foreach (var file in files)
        {
            for (var length = 0; length < file.Length; length++)
            {
                Assert.Throws<InvalidDataException>(() => PdfImageData.Read(file[..length]));
            }
        }
    }

    [Fact]
    public void Read_FileWithDamagedBytes_EitherReadsOrIsRefusedAsInvalidData()
    {
        // Chunk CRCs are not checked, so some damage goes unnoticed; none may escape as another exception.
        byte[][] files =
        [
            Png(3, 5, Rgba, 16, Pack(16, 12, Enumerable.Range(0, 60).Select(i => Sample(i, 16)).ToArray())),
            Png(7, 5, Palette, 2, Pack(2, 7, Enumerable.Range(0, 35).Select(i => i % 4).ToArray()), palette: new byte[12], transparency: [0]),
            Png(5, 5, Gray, 1, Pack(1, 5, Enumerable.Range(0, 25).Select(i => i % 2).ToArray()), transparency: [0, 1]),
            Convert.FromBase64String(RgbBaselineJpeg),
        ];
        var random = new Random(20_260_301);

        foreach (var file in files)
        {
            for (var trial = 0; trial < 400; trial++)
            {
                var damaged = file.ToArray();
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
                if (trial % 4 == 0)
                {
                    damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
                }

                var error = Record.Exception(() => PdfImageData.Read(damaged));

                Assert.True(error is null or InvalidDataException, $"{error?.GetType().Name}: {error?.Message}");
            }
        }
    }

    // ---- Helpers ---------------------------------------------------------------------------------

    private static readonly byte[] PngSignatureBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly Dictionary<string, Func<byte[]>> BrokenPng = new(StringComparer.Ordinal)
    {
        ["signature only"] = () => [.. PngSignatureBytes],
        ["header not first"] = () => Concat(PngSignatureBytes, Chunk("tEXt", [65, 0, 66]), Png(1, 1, Gray, 8, [0])[8..]),
        ["no image data"] = () => Concat(PngSignatureBytes, Chunk("IHDR", Header(1, 1, Gray, 8)), Chunk("IEND", [])),
        ["no end chunk"] = () => Png(1, 1, Gray, 8, [0])[..^12],
        ["chunk longer than the file"] = () => Concat(PngSignatureBytes, Chunk("IHDR", Header(1, 1, Gray, 8)), [0x7F, 0xFF, 0xFF, 0xF0, .. "IDAT"u8]),
        ["short header chunk"] = () => Concat(PngSignatureBytes, Chunk("IHDR", Header(1, 1, Gray, 8)[..12]), Chunk("IEND", [])),
        ["zero width"] = () => PngFile(0, 1, Gray, 8, [0, 0]),
        ["width over 2^31"] = () => PngFile(-1, 1, Gray, 8, [0, 0]),
        ["RGB with 4-bit samples"] = () => PngFile(1, 1, Rgb, 4, [0, 0]),
        ["unknown colour type"] = () => PngFile(1, 1, 5, 8, [0, 0]),
        ["palette image without palette"] = () => PngFile(1, 1, Palette, 8, [0, 0]),
        ["palette of 4 bytes"] = () => Png(1, 1, Palette, 8, [0], palette: [1, 2, 3, 4]),
        ["index past the palette"] = () => Png(2, 1, Palette, 8, [0, 2], palette: [1, 2, 3, 4, 5, 6]),
        ["unknown filter type"] = () => PngFile(1, 1, Gray, 8, [5, 0]),
        ["image data too short"] = () => PngFile(4, 4, Gray, 8, [0, 1, 2, 3, 4]),
        ["image data not zlib"] = () => Concat(PngSignatureBytes, Chunk("IHDR", Header(1, 1, Gray, 8)), Chunk("IDAT", [1, 2, 3, 4, 5]), Chunk("IEND", [])),
        ["unknown critical chunk"] = () => Concat(Png(1, 1, Gray, 8, [0])[..^12], Chunk("ZZZZ", []), Chunk("IEND", [])),
        ["interlace method 2"] = () => Png(1, 1, Gray, 8, [0], interlace: 2),
    };

    private static void AssertFlate(PdfImageData image, int width, int height, string colorSpace)
    {
        Assert.Equal((width, height), (image.Width, image.Height));
        Assert.Equal(colorSpace, image.ColorSpace);
        Assert.Equal(8, image.BitsPerComponent);
        Assert.Equal("/FlateDecode", image.Filter);
    }

    /// <summary>A varied sample value that uses the low byte too at 16 bits.</summary>
    private static int Sample(int i, int depth) => depth == 16 ? ((i * 40_503) + 12_345) % 65_536 : (i * 37) % 256;

    private static byte HighByte(int sample, int depth) => (byte)(depth == 16 ? sample >> 8 : sample);

    /// <summary>
    /// Rows of samples packed as PNG stores them: big-endian at 16 bits, from the most significant bit
    /// at 1, 2 and 4 bits, each row padded to a whole byte.
    /// </summary>
    private static byte[] Pack(int depth, int samplesPerRow, int[] samples)
    {
        var rowBytes = ((samplesPerRow * depth) + 7) / 8;
        var rows = samples.Length / samplesPerRow;
        var packed = new byte[rows * rowBytes];
        for (var i = 0; i < samples.Length; i++)
        {
            var (row, column) = Math.DivRem(i, samplesPerRow);
            var start = row * rowBytes;
            if (depth == 16)
            {
                BinaryPrimitives.WriteUInt16BigEndian(packed.AsSpan(start + (2 * column)), (ushort)samples[i]);
            }
            else
            {
                var bit = column * depth;
                packed[start + (bit / 8)] |= (byte)(samples[i] << (8 - depth - (bit % 8)));
            }
        }

        return packed;
    }

    /// <summary>A PNG of the given unfiltered rows, row y filtered with type y mod 5 so that every image exercises all five.</summary>
    private static byte[] Png(
        int width, int height, int colorType, int depth, byte[] rows,
        byte[]? palette = null, byte[]? transparency = null, byte interlace = 0)
    {
        var channels = colorType switch { Rgb => 3, GrayAlpha => 2, Rgba => 4, _ => 1 };
        var pixelBytes = Math.Max(1, channels * depth / 8);
        var rowBytes = rows.Length / height;
        var filtered = new List<byte>();
        for (var y = 0; y < height; y++)
        {
            var type = y % 5;
            filtered.Add((byte)type);
            for (var i = 0; i < rowBytes; i++)
            {
                int a = i >= pixelBytes ? rows[(y * rowBytes) + i - pixelBytes] : 0;
                int b = y > 0 ? rows[((y - 1) * rowBytes) + i] : 0;
                int c = y > 0 && i >= pixelBytes ? rows[((y - 1) * rowBytes) + i - pixelBytes] : 0;
                var prediction = type switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    _ => PaethPredictor(a, b, c),
                };
                filtered.Add((byte)(rows[(y * rowBytes) + i] - prediction));
            }
        }

        return PngFile(width, height, colorType, depth, [.. filtered], palette, transparency, interlace);
    }

    private static int PaethPredictor(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>A PNG file of already filtered rows, each led by its filter type.</summary>
    private static byte[] PngFile(
        int width, int height, int colorType, int depth, byte[] filteredRows,
        byte[]? palette = null, byte[]? transparency = null, byte interlace = 0)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal))
        {
            zlib.Write(filteredRows);
        }

        var data = compressed.ToArray();
        // Two IDAT chunks, which the reader must join.
        var half = data.Length / 2;
        return Concat(
            PngSignatureBytes,
            Chunk("IHDR", Header(width, height, colorType, depth, interlace)),
            palette is null ? [] : Chunk("PLTE", palette),
            transparency is null ? [] : Chunk("tRNS", transparency),
            Chunk("IDAT", data[..half]),
            Chunk("IDAT", data[half..]),
            Chunk("IEND", []));
    }

    private static byte[] Header(int width, int height, int colorType, int depth, byte interlace = 0)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = (byte)depth;
        header[9] = (byte)colorType;
        header[12] = interlace;
        return header;
    }

    /// <summary>Length, type, data and the CRC-32 of type and data.</summary>
    private static byte[] Chunk(string type, byte[] data)
    {
        var typeAndData = Concat(Encoding.ASCII.GetBytes(type), data);
        var chunk = new byte[typeAndData.Length + 8];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typeAndData.CopyTo(chunk, 4);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(chunk.Length - 4), Crc32(typeAndData));
        return chunk;
    }

    /// <summary>The CRC-32 of PNG (and zip), bit by bit: reflected polynomial 0xEDB88320.</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFF_FFFFu;
        foreach (var value in bytes)
        {
            crc ^= value;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320u : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>
    /// A JPEG with only headers: SOI, APP0 (JFIF), a frame header, a scan header and EOI. The reader
    /// reads headers only, and these cases are refused at the frame header.
    /// </summary>
    private static byte[] JpegHeaders(byte marker, byte precision, byte components, ushort width = 3, ushort height = 2)
    {
        var frame = new List<byte> { 0xFF, marker, 0, (byte)(8 + (3 * components)), precision };
        frame.AddRange([(byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, components]);
        for (var i = 1; i <= components; i++)
        {
            frame.AddRange([(byte)i, 0x11, 0]);
        }

        return Concat(
            [0xFF, 0xD8],
            [0xFF, 0xE0, 0, 16, .. "JFIF"u8, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0],
            [.. frame],
            [0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 63, 0],
            [0x3F, 0xFF, 0xD9]);
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(part => part)];

    private static byte[] Inflate(byte[] zlibData)
    {
        using var zlib = new ZLibStream(new MemoryStream(zlibData), CompressionMode.Decompress);
        using var output = new MemoryStream();
        zlib.CopyTo(output);
        return output.ToArray();
    }

    private static string Favicon()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "SubscriptionPortal", "wwwroot", "favicon.png");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"No SubscriptionPortal/wwwroot/favicon.png above {AppContext.BaseDirectory}.");
    }
}

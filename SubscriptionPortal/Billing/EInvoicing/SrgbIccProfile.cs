using System.Buffers.Binary;
using System.Text;

namespace SubscriptionPortal.Billing.EInvoicing;

/// <summary>
/// An sRGB ICC profile (version 2.1, display class, matrix/TRC), built from the figures IEC 61966-2-1
/// publishes: the primaries' and the D65 white's chromaticities and the piecewise transfer curve.
/// PDF/A names it as the output intent of the documents' RGB colours. Built here rather than
/// shipped as a file so that no third-party profile, and no licence question, comes with it.
/// </summary>
internal static class SrgbIccProfile
{
    public const string Description = "sRGB IEC61966-2.1";

    // The PCS illuminant every ICC profile is expressed against: D50.
    private static readonly double[] D50 = [0.9642, 1.0, 0.8249];

    // Bradford cone response matrix, for the chromatic adaptation D65 → D50 the ICC asks for.
    private static readonly double[,] Bradford =
    {
        { 0.8951, 0.2664, -0.1614 },
        { -0.7502, 1.7135, 0.0367 },
        { 0.0389, -0.0685, 1.0296 },
    };

    private static readonly Lazy<byte[]> Profile = new(Build);

    /// <summary>The profile's bytes; built once per process, identical on every machine.</summary>
    public static byte[] Bytes => Profile.Value;

    private static byte[] Build()
    {
        var colorants = ColorantsAdaptedToD50();
        var tags = new List<(string Signature, byte[] Data)>
        {
            ("desc", TextDescription(Description)),
            ("cprt", Text("No copyright, use freely")),
            ("wtpt", Xyz(D50[0], D50[1], D50[2])),
            ("rXYZ", Xyz(colorants[0, 0], colorants[1, 0], colorants[2, 0])),
            ("gXYZ", Xyz(colorants[0, 1], colorants[1, 1], colorants[2, 1])),
            ("bXYZ", Xyz(colorants[0, 2], colorants[1, 2], colorants[2, 2])),
        };
        var curve = TransferCurve();

        // The three tone curves are the same: one copy, referenced by three tag entries.
        const int tagCount = 9;
        var offset = 128 + 4 + (tagCount * 12);
        var entries = new List<(string Signature, int Offset, int Size)>();
        var body = new MemoryStream();
        foreach (var (signature, data) in tags)
        {
            entries.Add((signature, offset + (int)body.Length, data.Length));
            WritePadded(body, data);
        }

        var curveOffset = offset + (int)body.Length;
        foreach (var signature in (string[])["rTRC", "gTRC", "bTRC"])
        {
            entries.Add((signature, curveOffset, curve.Length));
        }

        WritePadded(body, curve);

        var size = offset + (int)body.Length;
        var profile = new byte[size];
        var span = profile.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span[0..], (uint)size);
        BinaryPrimitives.WriteUInt32BigEndian(span[8..], 0x02100000);
        Ascii("mntr").CopyTo(span[12..]);
        Ascii("RGB ").CopyTo(span[16..]);
        Ascii("XYZ ").CopyTo(span[20..]);
        // Creation date: the date the sRGB standard was published, so the bytes never change.
        foreach (var (value, at) in new[] { (1999, 24), (10, 26), (18, 28) })
        {
            BinaryPrimitives.WriteUInt16BigEndian(span[at..], (ushort)value);
        }

        Ascii("acsp").CopyTo(span[36..]);
        WriteS15Fixed16(span[68..], D50[0]);
        WriteS15Fixed16(span[72..], D50[1]);
        WriteS15Fixed16(span[76..], D50[2]);

        BinaryPrimitives.WriteUInt32BigEndian(span[128..], tagCount);
        for (var i = 0; i < entries.Count; i++)
        {
            var at = 132 + (i * 12);
            Ascii(entries[i].Signature).CopyTo(span[at..]);
            BinaryPrimitives.WriteUInt32BigEndian(span[(at + 4)..], (uint)entries[i].Offset);
            BinaryPrimitives.WriteUInt32BigEndian(span[(at + 8)..], (uint)entries[i].Size);
        }

        body.ToArray().CopyTo(span[offset..]);
        return profile;
    }

    /// <summary>
    /// The RGB → XYZ matrix of sRGB (columns: red, green, blue), from its primaries and D65 white,
    /// adapted to D50 with the Bradford transform.
    /// </summary>
    internal static double[,] ColorantsAdaptedToD50()
    {
        double[][] primaries = [[0.64, 0.33], [0.30, 0.60], [0.15, 0.06]];
        var d65 = FromChromaticity(0.3127, 0.3290);

        var rgbToXyz = new double[3, 3];
        for (var c = 0; c < 3; c++)
        {
            var xyz = FromChromaticity(primaries[c][0], primaries[c][1]);
            for (var r = 0; r < 3; r++)
            {
                rgbToXyz[r, c] = xyz[r];
            }
        }

        // Scale each primary so that R = G = B = 1 gives the white point.
        var scale = Multiply(Invert(rgbToXyz), d65);
        for (var r = 0; r < 3; r++)
        {
            for (var c = 0; c < 3; c++)
            {
                rgbToXyz[r, c] *= scale[c];
            }
        }

        var source = Multiply(Bradford, d65);
        var destination = Multiply(Bradford, D50);
        var gain = new double[3, 3];
        for (var i = 0; i < 3; i++)
        {
            gain[i, i] = destination[i] / source[i];
        }

        var adaptation = Multiply(Multiply(Invert(Bradford), gain), Bradford);
        return Multiply(adaptation, rgbToXyz);
    }

    /// <summary>The sRGB transfer function, linear near black then a 2.4 power, sampled at 1024 points.</summary>
    private static byte[] TransferCurve()
    {
        const int points = 1024;
        var data = new byte[12 + (points * 2)];
        Ascii("curv").CopyTo(data.AsSpan(0));
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(8), points);
        for (var i = 0; i < points; i++)
        {
            var encoded = i / (double)(points - 1);
            var linear = encoded <= 0.04045 ? encoded / 12.92 : Math.Pow((encoded + 0.055) / 1.055, 2.4);
            BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(12 + (i * 2)), (ushort)Math.Round(linear * 65535, MidpointRounding.AwayFromZero));
        }

        return data;
    }

    private static double[] FromChromaticity(double x, double y) => [x / y, 1.0, (1 - x - y) / y];

    private static byte[] Xyz(double x, double y, double z)
    {
        var data = new byte[20];
        Ascii("XYZ ").CopyTo(data.AsSpan(0));
        WriteS15Fixed16(data.AsSpan(8), x);
        WriteS15Fixed16(data.AsSpan(12), y);
        WriteS15Fixed16(data.AsSpan(16), z);
        return data;
    }

    private static byte[] Text(string text)
    {
        var data = new byte[8 + text.Length + 1];
        Ascii("text").CopyTo(data.AsSpan(0));
        Ascii(text).CopyTo(data.AsSpan(8));
        return data;
    }

    /// <summary>ICC v2 textDescriptionType: the ASCII text, then empty Unicode and ScriptCode parts.</summary>
    private static byte[] TextDescription(string text)
    {
        var asciiLength = text.Length + 1;
        var data = new byte[12 + asciiLength + 8 + 3 + 67];
        Ascii("desc").CopyTo(data.AsSpan(0));
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(8), (uint)asciiLength);
        Ascii(text).CopyTo(data.AsSpan(12));
        return data;
    }

    private static void WriteS15Fixed16(Span<byte> destination, double value) =>
        BinaryPrimitives.WriteInt32BigEndian(destination, (int)Math.Round(value * 65536, MidpointRounding.AwayFromZero));

    private static void WritePadded(MemoryStream stream, byte[] data)
    {
        stream.Write(data);
        while (stream.Length % 4 != 0)
        {
            stream.WriteByte(0);
        }
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static double[] Multiply(double[,] m, double[] v) =>
    [
        (m[0, 0] * v[0]) + (m[0, 1] * v[1]) + (m[0, 2] * v[2]),
        (m[1, 0] * v[0]) + (m[1, 1] * v[1]) + (m[1, 2] * v[2]),
        (m[2, 0] * v[0]) + (m[2, 1] * v[1]) + (m[2, 2] * v[2]),
    ];

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        var product = new double[3, 3];
        for (var r = 0; r < 3; r++)
        {
            for (var c = 0; c < 3; c++)
            {
                product[r, c] = (a[r, 0] * b[0, c]) + (a[r, 1] * b[1, c]) + (a[r, 2] * b[2, c]);
            }
        }

        return product;
    }

    private static double[,] Invert(double[,] m)
    {
        var det = (m[0, 0] * ((m[1, 1] * m[2, 2]) - (m[1, 2] * m[2, 1])))
            - (m[0, 1] * ((m[1, 0] * m[2, 2]) - (m[1, 2] * m[2, 0])))
            + (m[0, 2] * ((m[1, 0] * m[2, 1]) - (m[1, 1] * m[2, 0])));
        var inverse = new double[3, 3];
        for (var r = 0; r < 3; r++)
        {
            for (var c = 0; c < 3; c++)
            {
                // Cofactor of (c, r), transposed, over the determinant.
                var r1 = (c + 1) % 3;
                var r2 = (c + 2) % 3;
                var c1 = (r + 1) % 3;
                var c2 = (r + 2) % 3;
                inverse[r, c] = ((m[r1, c1] * m[r2, c2]) - (m[r1, c2] * m[r2, c1])) / det;
            }
        }

        return inverse;
    }
}

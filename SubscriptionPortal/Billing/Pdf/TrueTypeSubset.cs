using System.Buffers;
using System.Buffers.Binary;

namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// Cuts a TrueType font down to the glyphs one document draws, for embedding as a CIDFontType2
/// <c>/FontFile2</c> with <c>/CIDToGIDMap /Identity</c>. The PDF names glyphs by their ids in the
/// original font, so ids are never renumbered: a glyph that is not kept stays in the tables with an
/// empty outline and zero metrics, and only the glyphs after the highest kept one are dropped. The
/// tables a CID font does not read (<c>cmap</c>, <c>name</c>, <c>post</c>, <c>OS/2</c>, layout tables)
/// are left out.
/// </summary>
/// <remarks>
/// Called for every rendered document, so it sizes everything first and allocates only the result:
/// the kept glyphs are a bit set on the stack, and the composites still to open a stack of ids there
/// too (pooled instead for a font of more than 4 096 glyphs).
/// </remarks>
internal static class TrueTypeSubset
{
    private const int HeadLength = 54;
    private const int HheaLength = 36;
    private const int MaxpMinimumLength = 6;
    private const uint HeadMagicNumber = 0x5F0F3CF5;
    private const uint ChecksumMagic = 0xB1B0AFBA;

    // Component record flags of a composite glyph (TrueType 'glyf' table).
    private const ushort ArgumentsAreWords = 0x0001;
    private const ushort HasScale = 0x0008;
    private const ushort MoreComponents = 0x0020;
    private const ushort HasXAndYScale = 0x0040;
    private const ushort HasTwoByTwo = 0x0080;

    // Above this many glyphs the work stack is rented rather than put on the thread's stack.
    private const int StackGlyphLimit = 4096;

    // The tables written, in tag order, which is also the order of the output's directory.
    private const int Cvt = 0, Fpgm = 1, Glyf = 2, Head = 3, Hhea = 4, Hmtx = 5, Loca = 6, Maxp = 7, Prep = 8, TableKinds = 9;

    private static ReadOnlySpan<uint> Tags =>
    [
        0x63767420, // 'cvt '
        0x6670676D, // 'fpgm'
        0x676C7966, // 'glyf'
        0x68656164, // 'head'
        0x68686561, // 'hhea'
        0x686D7478, // 'hmtx'
        0x6C6F6361, // 'loca'
        0x6D617870, // 'maxp'
        0x70726570, // 'prep'
    ];

    /// <summary>
    /// Returns a complete TrueType file holding the outlines of glyphs (plus glyph 0 and every component
    /// of a composite glyph, transitively), every glyph id unchanged.
    /// </summary>
    /// <param name="font">A TrueType font file (glyph outlines in <c>glyf</c>).</param>
    /// <param name="glyphs">
    /// The glyph ids a document draws, in any order, duplicates allowed. Ids outside the font
    /// (negative, or not below its number of glyphs) are ignored rather than refused: a text drawn with
    /// a missing glyph then shows .notdef, as it would with the whole font.
    /// </param>
    /// <exception cref="InvalidDataException">
    /// The font lacks a table the subset needs, or a table, a glyph or a component reaches past its end.
    /// </exception>
    public static byte[] Create(byte[] font, IReadOnlyCollection<int> glyphs)
    {
        ArgumentNullException.ThrowIfNull(font);
        ArgumentNullException.ThrowIfNull(glyphs);

        Span<Table> source = stackalloc Table[TableKinds];
        ReadDirectory(font, source);

        int numGlyphs = PdfGlyphs.U16(font, source[Maxp].Offset + 4);
        int metricCount = PdfGlyphs.U16(font, source[Hhea].Offset + 34);
        var longLoca = PdfGlyphs.U16(font, source[Head].Offset + 50) switch
        {
            0 => false,
            1 => true,
            var format => throw new InvalidDataException($"The font's 'head' table gives an unknown glyph location format ({format})."),
        };

        if (numGlyphs == 0 || metricCount == 0)
        {
            throw new InvalidDataException(
                $"The font declares {numGlyphs} glyphs and {metricCount} horizontal metrics; it needs at least one of each.");
        }

        // More metrics than glyphs is out of specification but harmless: the extra ones describe nothing.
        metricCount = Math.Min(metricCount, numGlyphs);

        if (source[Hmtx].Length < (4 * metricCount) + (2 * (numGlyphs - metricCount)))
        {
            throw new InvalidDataException("The font's 'hmtx' table is shorter than its glyph count requires.");
        }

        if (source[Loca].Length < (numGlyphs + 1) * (longLoca ? 4 : 2))
        {
            throw new InvalidDataException("The font's 'loca' table is shorter than its glyph count requires.");
        }

        var glyphSource = new GlyphSource(font, source[Loca].Offset, longLoca, source[Glyf].Offset, source[Glyf].Length);

        Span<ulong> kept = stackalloc ulong[(numGlyphs + 63) / 64];
        kept.Clear();
        ushort[]? rented = null;
        Span<ushort> pending = numGlyphs <= StackGlyphLimit
            ? stackalloc ushort[numGlyphs]
            : (rented = ArrayPool<ushort>.Shared.Rent(numGlyphs));
        int newNumGlyphs;
        try
        {
            newNumGlyphs = MarkKept(glyphSource, glyphs, numGlyphs, kept, pending);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<ushort>.Shared.Return(rented);
            }
        }

        var newMetricCount = Math.Min(metricCount, newNumGlyphs);

        long glyfLength = 0;
        for (var glyph = 0; glyph < newNumGlyphs; glyph++)
        {
            if (IsKept(kept, glyph))
            {
                glyfLength += Align4(glyphSource.Length(glyph));
            }
        }

        Span<int> lengths = stackalloc int[TableKinds];
        lengths[Cvt] = source[Cvt].Length;
        lengths[Fpgm] = source[Fpgm].Length;
        lengths[Prep] = source[Prep].Length;
        lengths[Head] = source[Head].Length;
        lengths[Hhea] = source[Hhea].Length;
        lengths[Maxp] = source[Maxp].Length;
        lengths[Hmtx] = (4 * newMetricCount) + (2 * (newNumGlyphs - newMetricCount));
        lengths[Loca] = 4 * (newNumGlyphs + 1);
        lengths[Glyf] = checked((int)glyfLength);

        var tableCount = 0;
        long fileLength = 0;
        for (var kind = 0; kind < TableKinds; kind++)
        {
            if (IsWritten(kind, lengths))
            {
                tableCount++;
                fileLength += Align4(lengths[kind]);
            }
        }

        var directoryLength = 12 + (16 * tableCount);
        var output = new byte[checked((int)(directoryLength + fileLength))];

        // Tables go in the file in the directory's (tag) order, each starting on a 4-byte boundary;
        // the array is zeroed, so the padding already is.
        Span<int> offsets = stackalloc int[TableKinds];
        var next = directoryLength;
        for (var kind = 0; kind < TableKinds; kind++)
        {
            offsets[kind] = next;
            next += Align4(lengths[kind]);
        }

        foreach (var kind in (ReadOnlySpan<int>)[Cvt, Fpgm, Prep, Head, Hhea, Maxp])
        {
            font.AsSpan(source[kind].Offset, lengths[kind]).CopyTo(output.AsSpan(offsets[kind]));
        }

        BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(offsets[Head] + 8), 0); // checkSumAdjustment, set last
        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(offsets[Head] + 50), 1); // loca is always written long
        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(offsets[Hhea] + 34), (ushort)newMetricCount);
        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(offsets[Maxp] + 4), (ushort)newNumGlyphs);

        WriteMetrics(font.AsSpan(source[Hmtx].Offset), metricCount, output.AsSpan(offsets[Hmtx], lengths[Hmtx]), newMetricCount, newNumGlyphs, kept);

        var loca = output.AsSpan(offsets[Loca], lengths[Loca]);
        var glyf = output.AsSpan(offsets[Glyf], lengths[Glyf]);
        var position = 0;
        for (var glyph = 0; glyph < newNumGlyphs; glyph++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(loca[(4 * glyph)..], (uint)position);
            if (IsKept(kept, glyph))
            {
                var outline = glyphSource.Bytes(glyph);
                outline.CopyTo(glyf[position..]);
                position += Align4(outline.Length);
            }
        }

        BinaryPrimitives.WriteUInt32BigEndian(loca[(4 * newNumGlyphs)..], (uint)position);

        WriteDirectory(output, tableCount, lengths, offsets);
        return output;
    }

    /// <summary>
    /// Writes the <c>hmtx</c> table in the original's shape (full metrics first, then the left side
    /// bearings of the glyphs after them, which share the last full metric's advance), with the kept
    /// glyphs' values as they are and zeros for the glyphs left empty. Nothing reads the metrics of a glyph
    /// the document never draws, and zeros compress to almost nothing where the original values took
    /// about a third of each compressed face. The one advance the glyphs after the full metrics share is
    /// kept whenever such glyphs remain.
    /// </summary>
    private static void WriteMetrics(
        ReadOnlySpan<byte> hmtx, int metricCount, Span<byte> output, int newMetricCount, int newNumGlyphs, ReadOnlySpan<ulong> kept)
    {
        // The output is zeroed: only what is kept is copied.
        for (var glyph = 0; glyph < newMetricCount; glyph++)
        {
            if (IsKept(kept, glyph))
            {
                hmtx.Slice(4 * glyph, 4).CopyTo(output[(4 * glyph)..]);
            }
        }

        // Glyphs past the full metrics remain only when the cut keeps all of them (newMetricCount == metricCount).
        if (newNumGlyphs > newMetricCount)
        {
            var shared = metricCount - 1;
            hmtx.Slice(4 * shared, 2).CopyTo(output[(4 * shared)..]);
            for (var glyph = metricCount; glyph < newNumGlyphs; glyph++)
            {
                if (IsKept(kept, glyph))
                {
                    var bearing = (4 * metricCount) + (2 * (glyph - metricCount));
                    hmtx.Slice(bearing, 2).CopyTo(output[bearing..]);
                }
            }
        }
    }

    /// <summary>
    /// Marks glyph 0, the requested glyphs that exist and, transitively, the components of composite
    /// glyphs; returns the new number of glyphs (highest kept id + 1).
    /// </summary>
    private static int MarkKept(GlyphSource source, IReadOnlyCollection<int> glyphs, int numGlyphs, Span<ulong> kept, Span<ushort> pending)
    {
        var marker = new Marker(source, numGlyphs, kept, pending);
        marker.Mark(0);

        // Through the interface, the enumerator of a set or a list is a boxed object; the usual
        // collections are walked through their own struct enumerators instead.
        switch (glyphs)
        {
            case int[] array:
                foreach (var glyph in array)
                {
                    marker.Mark(glyph);
                }

                break;
            case List<int> list:
                foreach (var glyph in list)
                {
                    marker.Mark(glyph);
                }

                break;
            case HashSet<int> set:
                foreach (var glyph in set)
                {
                    marker.Mark(glyph);
                }

                break;
            default:
                foreach (var glyph in glyphs)
                {
                    marker.Mark(glyph);
                }

                break;
        }

        marker.MarkComponents();
        return marker.Highest + 1;
    }

    private static bool IsKept(ReadOnlySpan<ulong> kept, int glyph) => (kept[glyph >> 6] & (1UL << (glyph & 63))) != 0;

    /// <summary>
    /// Finds the tables this subset reads or copies, in one pass over the directory, and checks each
    /// lies inside the file (<see cref="PdfGlyphs.TableOffset"/> gives an offset only, unchecked, and
    /// makes a string of every tag it passes).
    /// </summary>
    private static void ReadDirectory(byte[] font, Span<Table> tables)
    {
        if (font.Length < 12)
        {
            throw new InvalidDataException($"The font is {font.Length} bytes long, too short for a TrueType table directory.");
        }

        var version = BinaryPrimitives.ReadUInt32BigEndian(font);
        if (version is not (0x00010000 or 0x74727565)) // 1.0, or 'true' (Apple)
        {
            throw new InvalidDataException($"The font is not a TrueType font (version 0x{version:X8}); a CFF font or a collection cannot be subset here.");
        }

        int tableCount = PdfGlyphs.U16(font, 4);
        if (12 + (16 * tableCount) > font.Length)
        {
            throw new InvalidDataException($"The font's directory lists {tableCount} tables but the file ends inside it.");
        }

        // Every table is checked, not only those copied: a file cut short is refused whatever it lost.
        tables.Clear();
        for (var i = 0; i < tableCount; i++)
        {
            var record = font.AsSpan(12 + (16 * i), 16);
            var tag = BinaryPrimitives.ReadUInt32BigEndian(record);
            var offset = BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            if (offset < 12 + (16 * tableCount) || (ulong)offset + length > (ulong)font.Length)
            {
                throw new InvalidDataException(
                    $"The font's '{TagName(tag)}' table ({length} bytes at {offset}) lies outside the {font.Length}-byte file's tables.");
            }

            // A table starts after the directory, so an offset of 0 stands for "absent" below.
            var kind = Tags.IndexOf(tag);
            if (kind >= 0 && tables[kind].Offset == 0)
            {
                tables[kind] = new Table((int)offset, (int)length);
            }
        }

        foreach (var kind in (ReadOnlySpan<int>)[Glyf, Head, Hhea, Hmtx, Loca, Maxp])
        {
            if (tables[kind].Offset == 0)
            {
                throw new InvalidDataException($"The font has no '{TagName(Tags[kind])}' table, which a TrueType subset needs.");
            }
        }

        foreach (var (kind, minimum) in (ReadOnlySpan<(int Kind, int Minimum)>)[(Head, HeadLength), (Hhea, HheaLength), (Maxp, MaxpMinimumLength)])
        {
            if (tables[kind].Length < minimum)
            {
                throw new InvalidDataException(
                    $"The font's '{TagName(Tags[kind])}' table is {tables[kind].Length} bytes long, shorter than the {minimum} it must hold.");
            }
        }

        if (BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(tables[Head].Offset + 12)) != HeadMagicNumber)
        {
            throw new InvalidDataException("The font's 'head' table does not hold the TrueType magic number.");
        }
    }

    /// <summary>
    /// Writes the table directory (sorted by tag, as the written order already is), every table's
    /// checksum, then <c>head.checkSumAdjustment</c> so the whole file sums to 0xB1B0AFBA.
    /// </summary>
    private static void WriteDirectory(byte[] output, int tableCount, ReadOnlySpan<int> lengths, ReadOnlySpan<int> offsets)
    {
        // The largest power of two not above the table count, for a binary search of the directory.
        var entrySelector = 31 - int.LeadingZeroCount(tableCount);
        var searchRange = 16 << entrySelector;
        var directory = output.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(directory, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(directory[4..], (ushort)tableCount);
        BinaryPrimitives.WriteUInt16BigEndian(directory[6..], (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(directory[8..], (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(directory[10..], (ushort)((16 * tableCount) - searchRange));

        // The whole file's checksum is the directory's plus every table's, the tables being zero padded:
        // the file is summed once, table by table. head's own checksum is taken with the adjustment at 0.
        uint fileChecksum = 0;
        var record = 12;
        for (var kind = 0; kind < TableKinds; kind++)
        {
            if (!IsWritten(kind, lengths))
            {
                continue;
            }

            var checksum = Checksum(output.AsSpan(offsets[kind], Align4(lengths[kind])));
            fileChecksum += checksum;
            BinaryPrimitives.WriteUInt32BigEndian(directory[record..], Tags[kind]);
            BinaryPrimitives.WriteUInt32BigEndian(directory[(record + 4)..], checksum);
            BinaryPrimitives.WriteUInt32BigEndian(directory[(record + 8)..], (uint)offsets[kind]);
            BinaryPrimitives.WriteUInt32BigEndian(directory[(record + 12)..], (uint)lengths[kind]);
            record += 16;
        }

        fileChecksum += Checksum(directory[..record]);
        BinaryPrimitives.WriteUInt32BigEndian(directory[(offsets[Head] + 8)..], unchecked(ChecksumMagic - fileChecksum));
    }

    /// <summary>The TrueType checksum: the sum of the big-endian 32-bit words, wrapping. The length is a multiple of 4.</summary>
    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var at = 0; at < data.Length; at += 4)
        {
            sum += BinaryPrimitives.ReadUInt32BigEndian(data[at..]);
        }

        return sum;
    }

    /// <summary>The six tables of glyph outlines and metrics always (glyf even empty); the hinting tables when the font has them.</summary>
    private static bool IsWritten(int kind, ReadOnlySpan<int> lengths) => kind is not (Cvt or Fpgm or Prep) || lengths[kind] > 0;

    private static int Align4(int length) => (length + 3) & ~3;

    private static string TagName(uint tag) =>
        string.Create(4, tag, static (chars, tag) =>
        {
            for (var i = 0; i < 4; i++)
            {
                chars[i] = (char)((tag >> (24 - (8 * i))) & 0xFF);
            }
        });

    private readonly record struct Table(int Offset, int Length);

    /// <summary>
    /// The kept glyphs as one bit each, and a stack of composite glyphs whose components are still to be
    /// marked. A glyph is pushed only when first marked, so numGlyphs entries always suffice, and a
    /// composite glyph that (wrongly) contains itself cannot loop.
    /// </summary>
    private ref struct Marker(GlyphSource source, int numGlyphs, Span<ulong> kept, Span<ushort> pending)
    {
        private readonly Span<ulong> kept = kept;
        private readonly Span<ushort> pending = pending;
        private int depth;

        public int Highest { get; private set; }

        public void Mark(int glyph)
        {
            if ((uint)glyph >= (uint)numGlyphs || IsKept(kept, glyph))
            {
                return;
            }

            kept[glyph >> 6] |= 1UL << (glyph & 63);
            Highest = Math.Max(Highest, glyph);
            var outline = source.Bytes(glyph);
            if (outline.Length > 0 && BinaryPrimitives.ReadInt16BigEndian(outline) < 0)
            {
                pending[depth++] = (ushort)glyph;
            }
        }

        public void MarkComponents()
        {
            while (depth > 0)
            {
                var composite = pending[--depth];
                var outline = source.Bytes(composite);
                var at = 10; // after numberOfContours and the bounding box
                ushort flags;
                do
                {
                    if (at + 4 > outline.Length)
                    {
                        throw new InvalidDataException($"Composite glyph {composite} ends in the middle of a component.");
                    }

                    flags = BinaryPrimitives.ReadUInt16BigEndian(outline[at..]);
                    var component = BinaryPrimitives.ReadUInt16BigEndian(outline[(at + 2)..]);
                    if (component >= numGlyphs)
                    {
                        throw new InvalidDataException(
                            $"Composite glyph {composite} is made of glyph {component}, beyond the font's {numGlyphs} glyphs.");
                    }

                    Mark(component);
                    at += 4 + ((flags & ArgumentsAreWords) != 0 ? 4 : 2);
                    at += (flags & HasScale) != 0 ? 2
                        : (flags & HasXAndYScale) != 0 ? 4
                        : (flags & HasTwoByTwo) != 0 ? 8
                        : 0;
                    if (at > outline.Length)
                    {
                        throw new InvalidDataException($"Composite glyph {composite} ends in the middle of a component.");
                    }
                }
                while ((flags & MoreComponents) != 0);
            }
        }
    }

    /// <summary>Reads glyph outlines through the original <c>loca</c>, short or long, checking each against <c>glyf</c>'s end.</summary>
    private readonly struct GlyphSource(byte[] font, int loca, bool longLoca, int glyf, int glyfLength)
    {
        public int Length(int glyph) => Bytes(glyph).Length;

        public ReadOnlySpan<byte> Bytes(int glyph)
        {
            var start = Location(glyph);
            var end = Location(glyph + 1);
            if (start > end || end > (uint)glyfLength)
            {
                throw new InvalidDataException($"Glyph {glyph}'s outline ({start} to {end}) lies outside the font's {glyfLength}-byte 'glyf' table.");
            }

            if (end - start is > 0 and < 10)
            {
                throw new InvalidDataException($"Glyph {glyph}'s outline is {end - start} bytes long, shorter than a glyph header.");
            }

            return font.AsSpan(glyf + (int)start, (int)(end - start));
        }

        private uint Location(int glyph) => longLoca
            ? BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(loca + (4 * glyph)))
            : 2u * PdfGlyphs.U16(font, loca + (2 * glyph));
    }
}

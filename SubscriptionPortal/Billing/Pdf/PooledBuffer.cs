using System.Buffers;

namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// A growing byte buffer borrowed from the shared array pool, written as a stream (for the compressor)
/// or as a buffer writer (for number formatting), and given back when disposed. A document's content and
/// file are built in these, so a render allocates only the finished file's bytes, not every size of buffer
/// on the way to them.
/// </summary>
internal sealed class PooledBuffer(int initialCapacity) : Stream, IBufferWriter<byte>
{
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    private int length;

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => buffer.AsSpan(0, length);

    /// <summary>The bytes written so far, to change in place (a length filled in once it is known).</summary>
    public Span<byte> WrittenBytes => buffer.AsSpan(0, length);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => length;

    public override long Position
    {
        get => length;
        set => throw new NotSupportedException();
    }

    public void Advance(int count) => length += count;

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(Math.Max(sizeHint, 1));
        return buffer.AsSpan(length);
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(Math.Max(sizeHint, 1));
        return buffer.AsMemory(length);
    }

    public override void Write(ReadOnlySpan<byte> source)
    {
        Reserve(source.Length);
        source.CopyTo(buffer.AsSpan(length));
        length += source.Length;
    }

    public override void Write(byte[] source, int offset, int count) => Write(source.AsSpan(offset, count));

    public override void WriteByte(byte value)
    {
        Reserve(1);
        buffer[length++] = value;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] destination, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
            length = 0;
        }

        base.Dispose(disposing);
    }

    private void Reserve(int count)
    {
        if (length + count <= buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, length + count));
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }
}

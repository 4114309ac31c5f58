namespace SubscriptionPortal.Platforms.Export;

/// <summary>
/// An output stream for writers that mix synchronous and asynchronous writes. ASP.NET Core refuses
/// synchronous writes to a response, and <see cref="System.IO.Compression.ZipArchive"/> still writes an
/// entry's data descriptor synchronously when the entry is closed, even through its async API. Those few
/// bytes are held here and sent before the next asynchronous write, in order, so the response is written
/// only asynchronously and nothing large is ever buffered.
/// </summary>
internal sealed class SyncWriteBufferingStream(Stream inner) : Stream
{
    private readonly MemoryStream pending = new();

    /// <summary>The most bytes ever held at once, for tests and diagnostics.</summary>
    public long MaxPendingBytes { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        pending.Write(buffer);
        MaxPendingBytes = Math.Max(MaxPendingBytes, pending.Length);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await DrainAsync(cancellationToken);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Nothing to do synchronously: held bytes go out with the next asynchronous write or flush.</summary>
    public override void Flush()
    {
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await DrainAsync(cancellationToken);
        await inner.FlushAsync(cancellationToken);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            pending.Dispose();
        }

        base.Dispose(disposing);
    }

    private async ValueTask DrainAsync(CancellationToken ct)
    {
        if (pending.Length == 0)
        {
            return;
        }

        await inner.WriteAsync(pending.GetBuffer().AsMemory(0, (int)pending.Length), ct);
        pending.SetLength(0);
    }
}

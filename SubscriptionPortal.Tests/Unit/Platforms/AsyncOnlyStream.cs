namespace SubscriptionPortal.Tests.Unit.Platforms;

/// <summary>
/// An output stream that, like an ASP.NET Core response body, refuses synchronous writes and cannot seek.
/// Keeps what it receives, or only counts it; can run a callback as bytes arrive (to sample memory).
/// </summary>
public sealed class AsyncOnlyStream(bool keep = true, long notifyEvery = 0, Action? onBytes = null) : Stream
{
    private long sinceNotify;

    public MemoryStream Written { get; } = new();

    public long Count { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) =>
        throw new InvalidOperationException("Synchronous operations are disallowed.");

    public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (keep)
        {
            Written.Write(buffer.Span);
        }

        Count += buffer.Length;
        sinceNotify += buffer.Length;
        if (notifyEvery > 0 && sinceNotify >= notifyEvery)
        {
            sinceNotify = 0;
            onBytes?.Invoke();
        }

        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}

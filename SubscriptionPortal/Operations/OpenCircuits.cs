namespace SubscriptionPortal.Operations;

/// <summary>
/// How many interactive circuits the process holds now: open ones (connected, or disconnected and
/// retained for a reconnection) and, among them, those whose browser is connected.
/// </summary>
internal sealed class OpenCircuits
{
    private long open;
    private long connected;

    public long Open => Interlocked.Read(ref open);

    public long Connected => Interlocked.Read(ref connected);

    public void Opened() => Interlocked.Increment(ref open);

    public void Closed() => Interlocked.Decrement(ref open);

    public void ConnectionUp() => Interlocked.Increment(ref connected);

    public void ConnectionDown() => Interlocked.Decrement(ref connected);
}

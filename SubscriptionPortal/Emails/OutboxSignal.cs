namespace SubscriptionPortal.Emails;

/// <summary>Wakes the sender job when a transaction that queued emails commits, so they leave at once rather than at the next tick.</summary>
internal sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Wake()
    {
        // One pending wake is enough: the run it starts takes every due message.
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another thread woke it between the check and the release.
            }
        }
    }

    public Task WaitAsync(CancellationToken ct) => signal.WaitAsync(ct);

    public void Dispose() => signal.Dispose();
}

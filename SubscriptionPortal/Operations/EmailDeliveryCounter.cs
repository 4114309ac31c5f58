using SubscriptionPortal.Emails;

namespace SubscriptionPortal.Operations;

/// <summary>Feeds <see cref="PortalMetrics"/> with what the sender did, as it writes each outcome to the outbox.</summary>
internal sealed class EmailDeliveryCounter(PortalMetrics metrics) : IOutboxObserver
{
    public void Sent() => metrics.EmailSent();

    public void RetryScheduled() => metrics.EmailRetryScheduled();

    public void Failed() => metrics.EmailFailed();
}

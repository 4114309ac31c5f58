using SubscriptionPortal.Common;

namespace SubscriptionPortal.Subscriptions;

/// <summary>
/// A platform's current offer. Free offers have no tier, commitment or period; a paid one has
/// all three, and the invoice that opened its current period.
/// </summary>
public sealed class Subscription
{
    private Subscription()
    {
    }

    private Subscription(int platformId, string offerCode)
    {
        PlatformId = platformId;
        OfferCode = offerCode;
    }

    public int Id { get; private set; }

    public int PlatformId { get; private set; }

    public string OfferCode { get; private set; } = "";

    /// <summary>The tier, commitment and current period of a paid offer; null on a free offer.</summary>
    public PaidPlan? Plan { get; private set; }

    /// <summary>Set by a cancellation: the subscription ends with its current period instead of renewing.</summary>
    public bool CancelAtPeriodEnd { get; private set; }

    /// <summary>The day a cancelled subscription ended and its platform closed (the period's exclusive end); null while it runs.</summary>
    public DateOnly? EndedOn { get; private set; }

    /// <summary>Incremented by every change; quotes remember it and EF uses it as a concurrency token.</summary>
    public int Version { get; private set; }

    public bool IsPaid => Plan is not null;

    public BillingPeriod? CurrentPeriod => Plan?.CurrentPeriod;

    public static Subscription StartFree(int platformId, string offerCode) => new(platformId, offerCode);

    /// <summary>Moves to another free offer: no period, no document.</summary>
    public void SwitchToFree(string offerCode)
    {
        if (IsPaid)
        {
            throw new InvalidOperationException("A paid subscription cannot become free in place.");
        }

        OfferCode = offerCode;
        Version++;
    }

    /// <summary>Applies a validated change: the new period starts on the change date, which becomes the anchor.</summary>
    public void ChangeTo(string offerCode, int tierMaxContacts, Commitment commitment, BillingPeriod newPeriod, int openingInvoiceId)
    {
        OfferCode = offerCode;
        Plan = new PaidPlan(tierMaxContacts, commitment, newPeriod.Start, newPeriod, openingInvoiceId);
        CancelAtPeriodEnd = false;
        Version++;
    }

    /// <summary>
    /// Stops renewal: the subscription ends with its current period, with no refund. Only a paid
    /// subscription that is not already cancelled can be cancelled.
    /// </summary>
    public void Cancel()
    {
        if (!IsPaid || CancelAtPeriodEnd)
        {
            throw new InvalidOperationException(IsPaid ? "The subscription is already cancelled." : "A free offer has nothing to cancel.");
        }

        CancelAtPeriodEnd = true;
        Version++;
    }

    /// <summary>Undoes <see cref="Cancel"/> before the period ends: the subscription renews again.</summary>
    public void Resume()
    {
        if (!CancelAtPeriodEnd)
        {
            throw new InvalidOperationException("Only a cancelled subscription can be resumed.");
        }

        CancelAtPeriodEnd = false;
        Version++;
    }

    /// <summary>
    /// Ends a cancelled subscription at its period's end. Bumps <see cref="Version"/>, so that two closures
    /// (or a closure and a last-second resume) racing each other cannot both succeed.
    /// </summary>
    public void End()
    {
        if (!CancelAtPeriodEnd || EndedOn is not null || Plan is null)
        {
            throw new InvalidOperationException("Only a cancelled, running subscription can end.");
        }

        EndedOn = Plan.PeriodEnd;
        Version++;
    }

    /// <summary>Moves to the next period of the same offer, tier and commitment.</summary>
    public void Renew(BillingPeriod nextPeriod, int openingInvoiceId)
    {
        if (Plan is null || Plan.PeriodEnd != nextPeriod.Start)
        {
            throw new InvalidOperationException("A renewal must start where the current period of a paid plan ends.");
        }

        Plan = Plan.RenewedFor(nextPeriod, openingInvoiceId);
        Version++;
    }
}

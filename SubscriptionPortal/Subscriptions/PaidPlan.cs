using SubscriptionPortal.Common;

namespace SubscriptionPortal.Subscriptions;

/// <summary>
/// What a paid subscription has and a free one has not, all together: the tier, the commitment, the
/// anchor periods are counted from, the current period and the invoice that opened it.
/// </summary>
public sealed class PaidPlan
{
    private PaidPlan()
    {
    }

    public PaidPlan(int tierMaxContacts, Commitment commitment, DateOnly anchorDate, BillingPeriod currentPeriod, int openingInvoiceId)
    {
        TierMaxContacts = tierMaxContacts;
        Commitment = commitment;
        AnchorDate = anchorDate;
        PeriodStart = currentPeriod.Start;
        PeriodEnd = currentPeriod.End;
        OpeningInvoiceId = openingInvoiceId;
    }

    /// <summary>The tier's maximum number of active contacts.</summary>
    public int TierMaxContacts { get; private init; }

    public Commitment Commitment { get; private init; }

    /// <summary>The date periods are counted from (the start of the last change); its day of month is kept.</summary>
    public DateOnly AnchorDate { get; private init; }

    /// <summary>First day of the current period (inclusive).</summary>
    public DateOnly PeriodStart { get; private init; }

    /// <summary>End of the current period (exclusive): the renewal date.</summary>
    public DateOnly PeriodEnd { get; private init; }

    /// <summary>The invoice that opened the current period; a change credits its unused part.</summary>
    public int OpeningInvoiceId { get; private init; }

    public BillingPeriod CurrentPeriod => new(PeriodStart, PeriodEnd);

    /// <summary>The same plan in its next period, opened by <paramref name="openingInvoiceId"/>.</summary>
    public PaidPlan RenewedFor(BillingPeriod nextPeriod, int openingInvoiceId) =>
        new(TierMaxContacts, Commitment, AnchorDate, nextPeriod, openingInvoiceId);
}

using SubscriptionPortal.Common;
using SubscriptionPortal.Payments;

namespace SubscriptionPortal.Subscriptions;

/// <summary>Settings › Subscription Plan, as read from the database (SPEC §10.1). Amounts in euros, TTC unless named HT.</summary>
public sealed record SubscriptionPlanView(
    int PlatformId,
    string PlatformName,
    string OfferCode,
    string OfferName,
    bool IsFree,
    int? TierMaxContacts,
    int ContactsInUse,
    Commitment? Commitment,
    BillingPeriod? Period,
    bool CancelAtPeriodEnd,
    bool IsClosed,
    decimal Balance,
    MandateSummary? Mandate,
    OpeningInvoiceSummary? OpeningInvoice)
{
    /// <summary>The day the subscription renews (the period's exclusive end), unless cancelled.</summary>
    public DateOnly? NextRenewal => CancelAtPeriodEnd ? null : Period?.End;

    /// <summary>The last day (inclusive) of a cancelled subscription; the platform closes the day after, on <see cref="ClosesOn"/>.</summary>
    public DateOnly? EndDate => CancelAtPeriodEnd ? Period?.LastDay : null;

    /// <summary>The day a cancelled subscription's platform becomes read-only: the period's exclusive end.</summary>
    public DateOnly? ClosesOn => CancelAtPeriodEnd ? Period?.End : null;

    /// <summary>Whether the admin can cancel now: a paid, open platform whose subscription still renews.</summary>
    public bool CanCancel => !IsFree && !IsClosed && !CancelAtPeriodEnd && Period is not null;

    /// <summary>Whether the admin can undo a cancellation: the platform is not closed yet.</summary>
    public bool CanResume => CancelAtPeriodEnd && !IsClosed;
}

public sealed record OpeningInvoiceSummary(int Id, string Number, DateOnly IssueDate, decimal TotalIncludingVat);

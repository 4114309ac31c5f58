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

    /// <summary>The day a cancelled subscription ends.</summary>
    public DateOnly? EndDate => CancelAtPeriodEnd ? Period?.End : null;
}

public sealed record MandateSummary(string AccountHolder, string MaskedIban, string Reference, DateOnly SignedOn);

public sealed record OpeningInvoiceSummary(int Id, string Number, DateOnly IssueDate, decimal TotalTtc);

namespace SubscriptionPortal.Payments.Dunning;

/// <summary>Where a platform stands with its unpaid invoices, from the oldest one's first failure.</summary>
public enum OverdueState
{
    /// <summary>Nothing unpaid after a failed debit.</summary>
    Active = 0,

    /// <summary>From the day of the failure: a banner on every page with the amount and the next attempt.</summary>
    PaymentFailed = 1,

    /// <summary>From <see cref="DunningOptions.RestrictedAfterDays"/>: no plan change.</summary>
    Restricted = 2,

    /// <summary>From <see cref="DunningOptions.SuspendedAfterDays"/>: read-only like a closed platform; invoices, data export and the payment method stay open.</summary>
    Suspended = 3,
}

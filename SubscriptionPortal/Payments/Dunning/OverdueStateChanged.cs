namespace SubscriptionPortal.Payments.Dunning;

/// <summary>
/// A platform moved from one overdue state to another. Each transition is recorded in the platform's
/// Activity where it happens; the events are also handed back to the caller, and are what the admin's
/// email (payment failed, restricted, suspended, paid) will be sent from once the portal sends emails.
/// </summary>
/// <param name="Details">The sentence recorded in Activity: the cause, the amount, what comes next.</param>
public sealed record OverdueStateChanged(int PlatformId, OverdueState From, OverdueState To, DateTime AtUtc, string Details);

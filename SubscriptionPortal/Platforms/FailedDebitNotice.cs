using SubscriptionPortal.Payments;
using SubscriptionPortal.Payments.Dunning;

namespace SubscriptionPortal.Platforms;

/// <summary>An invoice unpaid after the bank refused its direct debit. <paramref name="Amount"/> in euros.</summary>
/// <param name="Reason">Why the bank refused its latest debit.</param>
/// <param name="NextAttemptOn">When it is presented again; null when it waits for a new mandate or for support.</param>
public sealed record FailedDebitNotice(string InvoiceNumber, decimal Amount, SepaReturnReason Reason, DateOnly? NextAttemptOn = null);

/// <summary>
/// Where the platform stands with its unpaid invoices (Payments/Dunning), for the banner on every page.
/// <paramref name="Amount"/> in euros; dates are the platform's local dates.
/// </summary>
/// <param name="RestrictedOn">The day plan changes become blocked, while the platform is not restricted yet.</param>
/// <param name="SuspendedOn">The day the platform becomes read-only, while it is not suspended yet.</param>
public sealed record OverdueNotice(OverdueState State, decimal Amount, int Days, DateOnly? NextAttemptOn, DateOnly? RestrictedOn, DateOnly? SuspendedOn,
    DateOnly? PausedUntil);

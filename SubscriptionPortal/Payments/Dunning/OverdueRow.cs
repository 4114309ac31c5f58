namespace SubscriptionPortal.Payments.Dunning;

/// <summary>One unpaid invoice on Support › Overdue. <paramref name="Unpaid"/> in euros.</summary>
public sealed record OverdueInvoiceRow(int InvoiceId, string Number, decimal Unpaid, DateOnly DayZero, int Days, DunningStep Step, DateOnly? NextAttemptOn, string? ReasonCode);

/// <summary>One platform on Support › Overdue: its state, its debt (euros) and what happens next.</summary>
/// <param name="Days">Days since the oldest unpaid invoice's first failure, pauses left out.</param>
/// <param name="NextStep">What happens next to the oldest unpaid invoice; <paramref name="NextAttemptOn"/> its date when it is an attempt.</param>
/// <param name="NextRetry">The number of that retry (1 for the first), out of <paramref name="MaxRetries"/>.</param>
/// <param name="EscalatesOn">The day the platform reaches its next state (restricted, then suspended), unless paid.</param>
public sealed record OverdueRow(
    int PlatformId,
    string PlatformName,
    OverdueState State,
    decimal Unpaid,
    int Days,
    DunningStep NextStep,
    DateOnly? NextAttemptOn,
    int NextRetry,
    int MaxRetries,
    DateOnly? EscalatesOn,
    DateOnly? PausedUntil,
    string? PauseReason,
    IReadOnlyList<OverdueInvoiceRow> Invoices);

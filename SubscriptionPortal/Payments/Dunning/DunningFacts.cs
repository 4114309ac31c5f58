namespace SubscriptionPortal.Payments.Dunning;

/// <summary>One debit of an unpaid invoice, as dunning reads it.</summary>
/// <param name="FailedOn">The platform's local date on which its failure was recorded.</param>
public sealed record DebitFact(int Id, int MandateId, long AmountCents, DirectDebitStatus Status, DateOnly CollectionDate, string? ReasonCode,
    DateOnly? FailedOn, int? RetryOfDebitId);

/// <summary>An invoice with a failed debit, not paid since and not settled otherwise; <paramref name="Debits"/> oldest first.</summary>
public sealed record InvoiceFact(int InvoiceId, string Number, DateOnly IssueDate, IReadOnlyList<DebitFact> Debits);

/// <summary>Everything dunning decides a platform's state and next steps from, on <paramref name="Today"/> (its local date).</summary>
public sealed record DunningFacts(
    int PlatformId,
    DateOnly Today,
    IReadOnlyList<InvoiceFact> UnpaidInvoices,
    int? ActiveMandateId,
    int PausedDaysBefore,
    DateOnly? PausedFrom,
    DateOnly? PausedUntil,
    string? PauseReason);

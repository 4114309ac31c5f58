using SubscriptionPortal.Common;

namespace SubscriptionPortal.Billing;

/// <summary>Everything a document says, computed before it is numbered. Amounts in euros, rounded to the cent.</summary>
public sealed record DocumentDraft(
    DocumentKind Kind,
    int PlatformId,
    int SubscriptionId,
    string IdempotencyKey,
    DateOnly IssueDate,
    DateTime IssuedAtUtc,
    BillingPeriod Period,
    DocumentBuyer Buyer,
    IReadOnlyList<BillingLine> Lines,
    VatAmounts Totals,
    decimal BalanceApplied,
    decimal AmountDue,
    CorrectedDocument? Corrects,
    string? Reason,
    DraftDirectDebit? DirectDebit,
    decimal CreditedToBalance = 0m,
    (string Number, decimal Amount)? SettledByCreditNote = null);

public sealed record DocumentBuyer(string Name, IReadOnlyList<string> AddressLines, string? Siren);

public sealed record CorrectedDocument(int Id, string Number, DateOnly IssueDate);

public sealed record DraftDirectDebit(string MaskedIban, string MandateReference, DateOnly CollectionDate, decimal Amount);

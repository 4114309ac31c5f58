using SubscriptionPortal.Common;

namespace SubscriptionPortal.Subscriptions;

public enum ChangeDirection
{
    FreeToFree,
    FreeToPaid,
    Upgrade,
    Downgrade,

    /// <summary>Same offer, other tier or commitment.</summary>
    SameOffer,
}

/// <summary>The credit note a change would issue, in euros. The credited period is [change date, period end).</summary>
public sealed record CreditNotePreview(
    string CorrectsNumber,
    DateOnly CorrectsIssueDate,
    BillingPeriod CreditedPeriod,
    int UnusedDays,
    int PeriodDays,
    decimal ExcludingVat,
    decimal VatRate,
    decimal Vat,
    decimal IncludingVat);

/// <summary>The invoice a change would issue, in euros, for one full period starting on the change date.</summary>
public sealed record InvoicePreview(string Description, BillingPeriod Period, decimal ExcludingVat, decimal VatRate, decimal Vat, decimal IncludingVat);

/// <summary>
/// A stored quote as the admin sees it: the exact documents the change would produce, the amount
/// debited and its date, or the balance kept. Amounts in euros, TTC unless named HT.
/// </summary>
public sealed record QuoteView(
    Guid Id,
    DateTime ExpiresAtUtc,
    DateOnly LocalDate,
    string CurrentOfferName,
    string TargetOfferName,
    ChangeTarget Target,
    BillingPeriod? CurrentPeriod,
    CreditNotePreview? CreditNote,
    InvoicePreview? Invoice,
    decimal BalanceBefore,
    decimal BalanceApplied,
    decimal AmountDue,
    DateOnly? CollectionDate,
    decimal BalanceAfter,
    IReadOnlyList<string> LostFeatures,
    ChangeDirection Direction,
    bool RequiresMandate);

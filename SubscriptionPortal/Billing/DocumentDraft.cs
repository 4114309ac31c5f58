using SubscriptionPortal.Billing.Pdf;
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
    (string Number, decimal Amount)? SettledByCreditNote = null,
    CreditNoteImputation? AppliedToInvoice = null);

/// <summary>
/// The buyer as the document shows it; the identifiers are already normalised (compact VAT number, RNA).
/// <paramref name="Language"/> is the buyer's billing language (<see cref="BillingLanguage"/>), the one the document is issued in.
/// <paramref name="ServiceAddress"/> is where the service is delivered, only when it differs from <paramref name="Address"/>.
/// </summary>
public sealed record DocumentBuyer(
    string Name,
    IReadOnlyList<string> AddressLines,
    string? Siren,
    string? VatNumber = null,
    string? Rna = null,
    string? Email = null,
    PostalAddress? Address = null,
    string Language = BillingLanguage.Default,
    PostalAddress? ServiceAddress = null);

public sealed record CorrectedDocument(int Id, string Number, DateOnly IssueDate);

public sealed record DraftDirectDebit(string MaskedIban, string MandateReference, DateOnly CollectionDate, decimal Amount);

using SubscriptionPortal.Common;

namespace SubscriptionPortal.Billing;

/// <summary>
/// The exact outcome of an allowed change, in euros: the documents it issues and how the
/// difference is settled (direct debit, or account balance). Every amount is ≥ 0.
/// </summary>
/// <param name="ChangeDate">D, the local date the change was priced for.</param>
/// <param name="CreditNote">Credit for the unused part of the current period; null when nothing is credited (from a free offer, or the invoice is already fully credited).</param>
/// <param name="Invoice">One full new period from D; null for a free target.</param>
/// <param name="NewPeriod">The new current period [D, end), end exclusive; null for a free target.</param>
/// <param name="NewAnchor">D for a paid target, which periods are then counted from; null for a free target.</param>
/// <param name="BalanceBefore">Account balance before the change.</param>
/// <param name="BalanceApplied">Part of the account balance used to pay the invoice.</param>
/// <param name="AmountDue">What is debited: invoice TTC − credit TTC − balance, when positive; otherwise 0.</param>
/// <param name="CollectionDate">D + collection delay when something is debited; otherwise null.</param>
/// <param name="BalanceAfter">Account balance after the change (what the credit left over goes to).</param>
/// <param name="LostFeatures">Features of the current offer the target lacks, in the current offer's order.</param>
/// <param name="RankChange">Upgrade, downgrade or same rank.</param>
public sealed record QuoteCalculation(
    DateOnly ChangeDate,
    CreditNoteCalculation? CreditNote,
    InvoiceCalculation? Invoice,
    BillingPeriod? NewPeriod,
    DateOnly? NewAnchor,
    decimal BalanceBefore,
    decimal BalanceApplied,
    decimal AmountDue,
    DateOnly? CollectionDate,
    decimal BalanceAfter,
    IReadOnlyList<string> LostFeatures,
    RankChange RankChange);

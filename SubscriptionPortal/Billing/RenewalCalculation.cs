using SubscriptionPortal.Common;

namespace SubscriptionPortal.Billing;

/// <summary>A renewal's invoice and settlement, in euros; every amount is ≥ 0.</summary>
/// <param name="Invoice">The next full period of the same offer, tier and commitment.</param>
/// <param name="BalanceBefore">Account balance before the renewal.</param>
/// <param name="BalanceApplied">min(balance, invoice TTC).</param>
/// <param name="AmountDue">Invoice TTC − balance applied: what is debited.</param>
/// <param name="CollectionDate">Issue date + collection delay when something is debited; otherwise null.</param>
/// <param name="BalanceAfter">Balance left after paying the invoice from it.</param>
public sealed record RenewalCalculation(
    InvoiceCalculation Invoice,
    decimal BalanceBefore,
    decimal BalanceApplied,
    decimal AmountDue,
    DateOnly? CollectionDate,
    decimal BalanceAfter)
{
    /// <summary>The new current period, [start, end), end exclusive.</summary>
    public BillingPeriod Period => Invoice.Period;
}

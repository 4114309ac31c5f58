using SubscriptionPortal.Common;

namespace SubscriptionPortal.Billing;

/// <summary>A credit note before it is numbered: the unused part of the current period.</summary>
/// <param name="CorrectedInvoiceNumber">Number of the invoice it corrects (a mandatory mention).</param>
/// <param name="CorrectedInvoiceDate">Issue date of the invoice it corrects.</param>
/// <param name="OriginalPeriod">The period that invoice opened, [start, end), end exclusive.</param>
/// <param name="CreditedPeriod">[change date, period end): the days given back, end exclusive.</param>
/// <param name="Lines">Its lines; their total HT is <see cref="VatAmounts.ExcludingVat"/> of <paramref name="Totals"/>.</param>
/// <param name="Totals">Euros, VAT at the corrected invoice's rate.</param>
public sealed record CreditNoteCalculation(
    string CorrectedInvoiceNumber,
    DateOnly CorrectedInvoiceDate,
    BillingPeriod OriginalPeriod,
    BillingPeriod CreditedPeriod,
    IReadOnlyList<BillingLine> Lines,
    VatAmounts Totals)
{
    /// <summary>Days credited, end − D.</summary>
    public int UnusedDays => CreditedPeriod.Days;

    /// <summary>Days in the original period, end − start: the proration's denominator.</summary>
    public int PeriodDays => OriginalPeriod.Days;
}

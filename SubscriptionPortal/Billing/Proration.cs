using SubscriptionPortal.Common;

namespace SubscriptionPortal.Billing;

/// <summary>The unused part of a period that a change gives back (SPEC §4.1).</summary>
internal static class Proration
{
    /// <summary>
    /// Credit HT in euros for a change on <paramref name="changeDate"/>:
    /// round(invoiced × (end − D) / (end − start), 2) in days, half away from zero. The change day
    /// itself is credited, since the new offer's invoice starts on it. Capped at what the invoice
    /// still holds (<paramref name="invoicedExcludingVat"/> − <paramref name="priorCreditsExcludingVat"/>) and never negative.
    /// </summary>
    /// <param name="invoicedExcludingVat">What the invoice that opened <paramref name="period"/> charged, euros HT.</param>
    /// <param name="priorCreditsExcludingVat">Credit notes already issued against that invoice, euros HT.</param>
    /// <param name="period">The current period [start, end), end exclusive.</param>
    /// <param name="changeDate">The change's local date D; must fall in <paramref name="period"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">D is outside the period, or an amount is negative.</exception>
    public static decimal CreditExcludingVat(decimal invoicedExcludingVat, decimal priorCreditsExcludingVat, BillingPeriod period, DateOnly changeDate)
    {
        if (!period.Contains(changeDate))
        {
            throw new ArgumentOutOfRangeException(nameof(changeDate), changeDate, $"The change date is outside the period {period}.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(invoicedExcludingVat);
        ArgumentOutOfRangeException.ThrowIfNegative(priorCreditsExcludingVat);

        var unusedDays = PeriodMath.Days(changeDate, period.End);

        // Multiply before dividing: with at most 366 days a true quotient is never within decimal's
        // 28 digits of a half cent unless it is exactly one, so the rounding below cannot be fooled.
        // Stryker disable once Conditional : equivalent, on the first day the formula gives invoiced × n / n, the same amount
        var prorated = changeDate == period.Start
            ? invoicedExcludingVat
            : Money.Round(invoicedExcludingVat * unusedDays / period.Days);

        var stillCreditable = invoicedExcludingVat - priorCreditsExcludingVat;
        return Math.Max(0m, Math.Min(prorated, stillCreditable));
    }
}

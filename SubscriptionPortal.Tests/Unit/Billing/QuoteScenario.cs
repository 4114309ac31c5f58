using System.Globalization;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Tests.Unit.Catalog;
using Xunit;

namespace SubscriptionPortal.Tests.Unit.Billing;

/// <summary>Short ways to write a subscription, a change and its expected outcome in the quote tests.</summary>
internal static class QuoteScenario
{
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A paid subscription whose current period starts on <paramref name="periodStart"/>, opened by
    /// an invoice issued that day which charged the catalog price unless <paramref name="chargedExcludingVat"/> says otherwise.
    /// </summary>
    public static SubscriptionSnapshot Paid(
        OfferPricing offer,
        int tier,
        Commitment commitment,
        string periodStart,
        string? anchor = null,
        decimal? chargedExcludingVat = null,
        decimal vatRate = TestCatalog.VatRate,
        decimal creditedExcludingVat = 0m,
        string invoiceNumber = "F-2026-000001")
    {
        var start = Day(periodStart);
        var anchorDate = Day(anchor ?? periodStart);
        var period = new BillingPeriod(start, PeriodMath.PeriodEndAfter(anchorDate, commitment, start));
        var invoice = new CreditableInvoice(
            invoiceNumber, start, chargedExcludingVat ?? OfferPricing.PriceExcludingVat(offer.FindTier(tier)!, commitment), vatRate, creditedExcludingVat);
        return SubscriptionSnapshot.Paid(offer, tier, commitment, anchorDate, period, invoice);
    }

    public static QuoteInput Change(
        SubscriptionSnapshot current,
        OfferPricing offer,
        int? tier,
        Commitment? commitment,
        string changeDate,
        int contactsInUse = 0,
        decimal balance = 0m) =>
        new(current, new QuoteTarget(offer, tier, commitment), Day(changeDate), contactsInUse, balance, TestCatalog.VatRate);

    public static QuoteCalculation Allowed(QuoteInput input)
    {
        var result = QuoteCalculator.Calculate(input);
        Assert.True(result.IsAllowed, $"Refused: {result.Refusal?.Message}");
        return result.Calculation;
    }

    public static QuoteRefusal Refused(QuoteInput input)
    {
        var result = QuoteCalculator.Calculate(input);
        Assert.False(result.IsAllowed, "The change was allowed.");
        return result.Refusal;
    }

    /// <summary>The subscription a validated change leaves: the new period, opened by the quote's invoice.</summary>
    public static SubscriptionSnapshot AfterChange(QuoteInput input, QuoteCalculation quote, string invoiceNumber) =>
        SubscriptionSnapshot.Paid(
            input.Target.Offer,
            input.Target.TierMaxContacts!.Value,
            input.Target.Commitment!.Value,
            quote.NewAnchor!.Value,
            quote.NewPeriod!.Value,
            new CreditableInvoice(invoiceNumber, input.ChangeDate, quote.Invoice!.Totals.ExcludingVat, quote.Invoice.Totals.VatRate, 0m));

    /// <summary>Asserts a document's totals in cents, and that each is consistent (HT + VAT = TTC, lines sum to HT).</summary>
    public static void AssertTotals(long htCents, long vatCents, long ttcCents, VatAmounts totals, IReadOnlyList<BillingLine> lines)
    {
        Assert.Equal((htCents, vatCents, ttcCents), (Money.ToCents(totals.ExcludingVat), Money.ToCents(totals.Vat), Money.ToCents(totals.IncludingVat)));
        Assert.Equal(totals.ExcludingVat + totals.Vat, totals.IncludingVat);
        Assert.Equal(totals.ExcludingVat, lines.Sum(l => l.TotalExcludingVat));
        Assert.All(lines, l => Assert.Equal(l.Quantity * l.UnitPriceExcludingVat, l.TotalExcludingVat));
    }
}

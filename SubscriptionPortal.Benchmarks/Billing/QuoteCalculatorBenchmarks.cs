using BenchmarkDotNet.Attributes;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Subscriptions;

namespace SubscriptionPortal.Benchmarks.Billing;

/// <summary>
/// Target: a quote in at most 20 µs (median), pure calculation. One operation prices a mid-period
/// upgrade of a paid subscription: Serenity 250 monthly since 10 March, opened by a 40.00 € HT
/// invoice, moved to Professional 1 000 monthly on 20 March with 180 contacts in use: a credit note
/// for the unused 21 of 31 days, an invoice for the new period and the settlement.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class QuoteCalculatorBenchmarks
{
    private QuoteInput upgrade = null!;

    [GlobalSetup]
    public void Setup()
    {
        var serenity = SeedCatalog.Pricing(CatalogSeed.Serenity);
        var professional = SeedCatalog.Pricing(CatalogSeed.Professional);
        var start = new DateOnly(2026, 3, 10);
        var period = PeriodMath.FirstPeriod(start, Commitment.Monthly);
        var opening = new CreditableInvoice("F-2026-000123", start, OfferPricing.PriceExcludingVat(serenity.FindTier(250)!, Commitment.Monthly), SeedCatalog.VatRate, 0m);
        var current = SubscriptionSnapshot.Paid(serenity, 250, Commitment.Monthly, start, period, opening);
        upgrade = new QuoteInput(current, new QuoteTarget(professional, 1000, Commitment.Monthly), new DateOnly(2026, 3, 20),
            ContactsInUse: 180, AccountBalance: 0m, SeedCatalog.VatRate);

        var check = QuoteCalculator.Calculate(upgrade);
        if (!check.IsAllowed || check.Calculation.CreditNote is null || check.Calculation.Invoice is null)
        {
            throw new InvalidOperationException("The benchmark's change must be an allowed upgrade with a credit note and an invoice.");
        }
    }

    [Benchmark]
    public QuoteResult MidPeriodUpgrade() => QuoteCalculator.Calculate(upgrade);
}

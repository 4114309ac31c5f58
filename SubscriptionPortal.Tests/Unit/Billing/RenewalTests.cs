using SubscriptionPortal.Billing;
using SubscriptionPortal.Common;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Tests.Unit.Catalog;
using Xunit;
using static SubscriptionPortal.Tests.Unit.Billing.QuoteScenario;

namespace SubscriptionPortal.Tests.Unit.Billing;

public sealed class RenewalTests
{
    // Serenity 250 monthly anchored on 31 January: [31 Jan, 28 Feb) 2026 renews on 28 February.
    private static RenewalInput SerenityFebruary(decimal balance = 0m, string issueDate = "2026-02-28") => new(
        TestCatalog.Serenity,
        250,
        Commitment.Monthly,
        Anchor: Day("2026-01-31"),
        CurrentPeriod: new BillingPeriod(Day("2026-01-31"), Day("2026-02-28")),
        IssueDate: Day(issueDate),
        VatRate: TestCatalog.VatRate,
        AccountBalance: balance);

    [Fact]
    public void Renewal_InvoicesTheNextFullPeriod_BackOnTheAnchorDay()
    {
        var renewal = QuoteCalculator.Renewal(SerenityFebruary());

        Assert.Equal(new BillingPeriod(Day("2026-02-28"), Day("2026-03-31")), renewal.Period);
        AssertTotals(4000, 800, 4800, renewal.Invoice.Totals, renewal.Invoice.Lines);
        Assert.Equal("Serenity — up to 250 contacts — monthly", Assert.Single(renewal.Invoice.Lines).Description);
        Assert.Equal(48.00m, renewal.AmountDue);
        Assert.Equal(Day("2026-03-03"), renewal.CollectionDate);
        Assert.Equal((0m, 0m), (renewal.BalanceApplied, renewal.BalanceAfter));
    }

    [Fact]
    public void Renewal_AppliesTheBalanceFirst()
    {
        var renewal = QuoteCalculator.Renewal(SerenityFebruary(balance: 20.00m));

        Assert.Equal(20.00m, renewal.BalanceApplied);
        Assert.Equal(28.00m, renewal.AmountDue);
        Assert.Equal(0m, renewal.BalanceAfter);
    }

    [Fact]
    public void Renewal_PaidEntirelyByTheBalance_DebitsNothing()
    {
        var renewal = QuoteCalculator.Renewal(SerenityFebruary(balance: 100.00m));

        Assert.Equal(48.00m, renewal.BalanceApplied);
        Assert.Equal(0m, renewal.AmountDue);
        Assert.Null(renewal.CollectionDate);
        Assert.Equal(52.00m, renewal.BalanceAfter);
    }

    [Fact]
    public void Renewal_RunLate_CollectsFromTheDayItRuns()
    {
        var renewal = QuoteCalculator.Renewal(SerenityFebruary(issueDate: "2026-03-02"));

        Assert.Equal(new BillingPeriod(Day("2026-02-28"), Day("2026-03-31")), renewal.Period);
        Assert.Equal(Day("2026-03-05"), renewal.CollectionDate);
    }

    [Fact]
    public void AnnualRenewal_From29February_EndsOn28FebruaryThenReturnsTo29()
    {
        var anchor = Day("2028-02-29");
        var input = new RenewalInput(TestCatalog.Professional, 1000, Commitment.Annual, anchor,
            new BillingPeriod(Day("2031-02-28"), Day("2032-02-29")), Day("2032-02-29"), TestCatalog.VatRate, 0m);

        var renewal = QuoteCalculator.Renewal(input);

        Assert.Equal(new BillingPeriod(Day("2032-02-29"), Day("2033-02-28")), renewal.Period);
        AssertTotals(144000, 28800, 172800, renewal.Invoice.Totals, renewal.Invoice.Lines);
    }

    [Fact]
    public void Renewal_BeforeThePeriodEnds_IsABug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QuoteCalculator.Renewal(SerenityFebruary(issueDate: "2026-02-27")));
    }

    [Fact]
    public void Renewal_OfAFreeOffer_IsABug()
    {
        var input = SerenityFebruary() with { Offer = TestCatalog.Liberty };

        Assert.Throws<ArgumentException>(() => QuoteCalculator.Renewal(input));
    }

    [Fact]
    public void Renewal_OfATierTheOfferNoLongerSells_IsABug()
    {
        var input = SerenityFebruary() with { TierMaxContacts = 300 };

        Assert.Throws<ArgumentException>(() => QuoteCalculator.Renewal(input));
    }

    [Fact]
    public void Renewal_PaidExactlyByTheBalance_HasNoCollectionDate()
    {
        // A renewal fully paid by the balance is not a debit of 0.00: nothing is collected.
        var renewal = QuoteCalculator.Renewal(SerenityFebruary(balance: 48.00m));

        Assert.Equal(48.00m, renewal.BalanceApplied);
        Assert.Equal(0m, renewal.AmountDue);
        Assert.Null(renewal.CollectionDate);
        Assert.Equal(0m, renewal.BalanceAfter);
    }

    [Fact]
    public void Renewal_OfAFreeOffer_IsRefusedBecauseFreeOffersNeverRenew()
    {
        var input = SerenityFebruary() with { Offer = TestCatalog.Liberty };

        var error = Assert.Throws<ArgumentException>(() => QuoteCalculator.Renewal(input));

        Assert.StartsWith("Liberty is free: a free offer never renews.", error.Message);
    }

    [Fact]
    public void Renewal_OnThePeriodsEndDay_Runs()
    {
        var renewal = QuoteCalculator.Renewal(SerenityFebruary(issueDate: "2026-02-28"));

        Assert.Equal(Day("2026-02-28"), renewal.Period.Start);
    }

    [Fact]
    public void Renewal_WithANegativeBalance_IsABug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QuoteCalculator.Renewal(SerenityFebruary(balance: -0.01m)));
    }

    [Fact]
    public void Renewal_WithABalanceInFractionsOfACent_IsABug()
    {
        Assert.Throws<ArgumentException>(() => QuoteCalculator.Renewal(SerenityFebruary(balance: 0.005m)));
    }

    [Fact]
    public void Renewal_WithANegativeCollectionDelay_IsABug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QuoteCalculator.Renewal(SerenityFebruary() with { CollectionDelayDays = -1 }));
    }

    [Fact]
    public void Renewal_OfAPeriodThatIsNotTheAnchors_IsABug()
    {
        var input = SerenityFebruary() with { CurrentPeriod = new BillingPeriod(Day("2026-02-01"), Day("2026-02-28")) };

        Assert.Throws<ArgumentException>(() => QuoteCalculator.Renewal(input));
    }
}

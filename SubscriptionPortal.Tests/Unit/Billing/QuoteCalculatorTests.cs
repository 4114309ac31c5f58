using System.Globalization;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Tests.Unit.Catalog;
using Xunit;
using static SubscriptionPortal.Common.Commitment;
using static SubscriptionPortal.Tests.Unit.Billing.QuoteScenario;

namespace SubscriptionPortal.Tests.Unit.Billing;

public sealed class QuoteCalculatorTests
{
    private static readonly OfferPricing Serenity = TestCatalog.Serenity;
    private static readonly OfferPricing Professional = TestCatalog.Professional;

    // Serenity 250 monthly, [10 Mar, 10 Apr) 2026: 31 days, invoiced 40.00 HT.
    private static readonly SubscriptionSnapshot SerenityMarch = Paid(Serenity, 250, Monthly, "2026-03-10");

    [Fact]
    public void Upgrade_MidMonth_CreditsTheUnusedDaysAndInvoicesAFullPeriodFromTheChangeDay()
    {
        var quote = Allowed(Change(SerenityMarch, Professional, 250, Monthly, "2026-03-20"));

        var credit = quote.CreditNote!;
        Assert.Equal((21, 31), (credit.UnusedDays, credit.PeriodDays));
        AssertTotals(2710, 542, 3252, credit.Totals, credit.Lines);
        AssertTotals(7500, 1500, 9000, quote.Invoice!.Totals, quote.Invoice.Lines);
        Assert.Equal(new BillingPeriod(Day("2026-03-20"), Day("2026-04-20")), quote.NewPeriod);
        Assert.Equal(Day("2026-03-20"), quote.NewAnchor);
        Assert.Equal(57.48m, quote.AmountDue);
        Assert.Equal(Day("2026-03-23"), quote.CollectionDate);
        Assert.Equal(0m, quote.BalanceAfter);
        Assert.Equal(RankChange.Upgrade, quote.RankChange);
        Assert.Empty(quote.LostFeatures);
    }

    [Fact]
    public void Invoice_HasOneLineForTheNewPeriod()
    {
        var quote = Allowed(Change(SerenityMarch, Professional, 250, Monthly, "2026-03-20"));

        var line = Assert.Single(quote.Invoice!.Lines);
        Assert.Equal("Professional — up to 250 contacts — monthly", line.Description);
        Assert.Equal(quote.NewPeriod, line.Period);
        Assert.Equal((1, 75.00m, 75.00m), (line.Quantity, line.UnitPriceExcludingVat, line.TotalExcludingVat));
        Assert.Equal(quote.NewPeriod, quote.Invoice.Period);
        Assert.Equal(TestCatalog.VatRate, quote.Invoice.Totals.VatRate);
    }

    [Fact]
    public void Upgrade_OnThePeriodsFirstDay_CreditsTheFullInvoice()
    {
        var quote = Allowed(Change(SerenityMarch, Professional, 250, Monthly, "2026-03-10"));

        AssertTotals(4000, 800, 4800, quote.CreditNote!.Totals, quote.CreditNote.Lines);
        Assert.Equal((31, 31), (quote.CreditNote.UnusedDays, quote.CreditNote.PeriodDays));
        Assert.Equal(42.00m, quote.AmountDue);
        Assert.Equal(new BillingPeriod(Day("2026-03-10"), Day("2026-04-10")), quote.NewPeriod);
    }

    [Fact]
    public void Upgrade_OnThePeriodsLastDay_CreditsOneDay()
    {
        var quote = Allowed(Change(SerenityMarch, Professional, 250, Monthly, "2026-04-09"));

        AssertTotals(129, 26, 155, quote.CreditNote!.Totals, quote.CreditNote.Lines);
        Assert.Equal(new BillingPeriod(Day("2026-04-09"), Day("2026-04-10")), quote.CreditNote.CreditedPeriod);
        Assert.Equal(88.45m, quote.AmountDue);
        Assert.Equal(new BillingPeriod(Day("2026-04-09"), Day("2026-05-09")), quote.NewPeriod);
    }

    [Fact]
    public void CreditNote_ReferencesTheInvoiceItCorrects()
    {
        var current = Paid(Serenity, 250, Monthly, "2026-03-10", invoiceNumber: "F-2026-000042");

        var credit = Allowed(Change(current, Professional, 250, Monthly, "2026-03-20")).CreditNote!;

        Assert.Equal("F-2026-000042", credit.CorrectedInvoiceNumber);
        Assert.Equal(Day("2026-03-10"), credit.CorrectedInvoiceDate);
        Assert.Equal(current.Period, credit.OriginalPeriod);
        var line = Assert.Single(credit.Lines);
        Assert.Equal("Serenity — up to 250 contacts — monthly — unused 21 of 31 days", line.Description);
        Assert.Equal(credit.CreditedPeriod, line.Period);
    }

    [Fact]
    public void CreditNote_UsesTheOriginalInvoicesVatRate_AndTheInvoiceTodaysRate()
    {
        var current = Paid(Serenity, 250, Monthly, "2026-03-10", vatRate: 0.196m);

        var quote = Allowed(Change(current, Professional, 250, Monthly, "2026-03-20"));

        // 27.10 × 19.6 % = 5.3116 → 5.31.
        Assert.Equal(0.196m, quote.CreditNote!.Totals.VatRate);
        AssertTotals(2710, 531, 3241, quote.CreditNote.Totals, quote.CreditNote.Lines);
        AssertTotals(7500, 1500, 9000, quote.Invoice!.Totals, quote.Invoice.Lines);
        Assert.Equal(57.59m, quote.AmountDue);
    }

    [Fact]
    public void ChangeDay_IsCreditedOnTheOldOfferAndInvoicedOnTheNewOne_OnlyOnce()
    {
        var changeDate = Day("2026-03-20");
        var quote = Allowed(Change(SerenityMarch, Professional, 250, Monthly, "2026-03-20"));

        var period = SerenityMarch.Period!.Value;
        var used = new BillingPeriod(period.Start, changeDate);
        Assert.Equal(changeDate, quote.CreditNote!.CreditedPeriod.Start);
        Assert.Equal(changeDate, quote.Invoice!.Period.Start);
        Assert.Equal(period.Days, used.Days + quote.CreditNote.CreditedPeriod.Days);
        Assert.False(used.Contains(changeDate));
    }

    [Fact]
    public void SecondChangeInAPeriod_CreditsTheSecondInvoice()
    {
        var first = Change(SerenityMarch, Professional, 250, Monthly, "2026-03-20");
        var firstQuote = Allowed(first);
        var afterFirst = AfterChange(first, firstQuote, "F-2026-000002");

        var second = Allowed(Change(afterFirst, Professional, 500, Monthly, "2026-03-25"));

        // 75.00 × 26 / 31 = 62.903… of the second invoice, over its own period [20 Mar, 20 Apr).
        Assert.Equal("F-2026-000002", second.CreditNote!.CorrectedInvoiceNumber);
        Assert.Equal(new BillingPeriod(Day("2026-03-20"), Day("2026-04-20")), second.CreditNote.OriginalPeriod);
        AssertTotals(6290, 1258, 7548, second.CreditNote.Totals, second.CreditNote.Lines);
        AssertTotals(10500, 2100, 12600, second.Invoice!.Totals, second.Invoice.Lines);
        Assert.Equal(50.52m, second.AmountDue);
        Assert.Equal(new BillingPeriod(Day("2026-03-25"), Day("2026-04-25")), second.NewPeriod);
    }

    [Fact]
    public void SecondChange_NeverCreditsMoreThanPaidMinusEarlierCredits()
    {
        // The second invoice charged 75.00 and a correction already gave back 60.00 of it.
        var current = Paid(Professional, 250, Monthly, "2026-03-20", creditedExcludingVat: 60.00m, invoiceNumber: "F-2026-000002");

        var sameDay = Allowed(Change(current, Professional, 500, Monthly, "2026-03-20"));
        var later = Allowed(Change(current, Professional, 500, Monthly, "2026-03-25"));

        AssertTotals(1500, 300, 1800, sameDay.CreditNote!.Totals, sameDay.CreditNote.Lines);
        AssertTotals(1500, 300, 1800, later.CreditNote!.Totals, later.CreditNote.Lines);
        Assert.Equal(108.00m, later.AmountDue);
    }

    [Fact]
    public void FullyCreditedInvoice_IssuesNoCreditNote()
    {
        var current = Paid(Professional, 250, Monthly, "2026-03-20", creditedExcludingVat: 75.00m);

        var quote = Allowed(Change(current, Professional, 500, Monthly, "2026-03-25"));

        Assert.Null(quote.CreditNote);
        Assert.Equal(126.00m, quote.AmountDue);
    }

    [Fact]
    public void Downgrade_WhereTheCreditExceedsTheNewInvoice_KeepsTheRestAsBalance_WithoutANegativeDocument()
    {
        var current = Paid(Professional, 1000, Annual, "2026-01-15");

        var quote = Allowed(Change(current, Serenity, 1000, Monthly, "2026-04-25", contactsInUse: 320, balance: 10.00m));

        AssertTotals(104548, 20910, 125458, quote.CreditNote!.Totals, quote.CreditNote.Lines);
        AssertTotals(9000, 1800, 10800, quote.Invoice!.Totals, quote.Invoice.Lines);
        Assert.Equal(0m, quote.AmountDue);
        Assert.Null(quote.CollectionDate);
        Assert.Equal(0m, quote.BalanceApplied);
        // 10.00 + 1254.58 − 108.00.
        Assert.Equal(1156.58m, quote.BalanceAfter);
        Assert.Equal(RankChange.Downgrade, quote.RankChange);
    }

    [Fact]
    public void Downgrade_ListsTheFeaturesLost_InTheCurrentOffersOrder()
    {
        var current = Paid(Professional, 1000, Annual, "2026-01-15");

        var quote = Allowed(Change(current, Serenity, 1000, Monthly, "2026-04-25"));

        Assert.Equal(["Multi-site management", "Open API"], quote.LostFeatures);
    }

    [Fact]
    public void MonthlyToAnnual_MidPeriod_SameTier()
    {
        var current = Paid(Serenity, 500, Monthly, "2026-05-05");

        var quote = Allowed(Change(current, Serenity, 500, Annual, "2026-05-20"));

        AssertTotals(3097, 619, 3716, quote.CreditNote!.Totals, quote.CreditNote.Lines);
        AssertTotals(57600, 11520, 69120, quote.Invoice!.Totals, quote.Invoice.Lines);
        Assert.Equal(new BillingPeriod(Day("2026-05-20"), Day("2027-05-20")), quote.NewPeriod);
        Assert.Equal(654.04m, quote.AmountDue);
        Assert.Equal(RankChange.SameRank, quote.RankChange);
        Assert.Equal("Serenity — up to 500 contacts — annual", Assert.Single(quote.Invoice.Lines).Description);
    }

    [Fact]
    public void MonthlyToAnnual_MidPeriod_WithATierChange()
    {
        var current = Paid(Serenity, 500, Monthly, "2026-05-05");

        var quote = Allowed(Change(current, Serenity, 1000, Annual, "2026-05-20"));

        AssertTotals(3097, 619, 3716, quote.CreditNote!.Totals, quote.CreditNote.Lines);
        AssertTotals(86400, 17280, 103680, quote.Invoice!.Totals, quote.Invoice.Lines);
        Assert.Equal(999.64m, quote.AmountDue);
    }

    [Fact]
    public void AnnualToMonthly_MidPeriod_SameTier()
    {
        var current = Paid(Professional, 1000, Annual, "2026-01-15");

        var quote = Allowed(Change(current, Professional, 1000, Monthly, "2026-04-25"));

        Assert.Equal((265, 365), (quote.CreditNote!.UnusedDays, quote.CreditNote.PeriodDays));
        AssertTotals(104548, 20910, 125458, quote.CreditNote.Totals, quote.CreditNote.Lines);
        AssertTotals(15000, 3000, 18000, quote.Invoice!.Totals, quote.Invoice.Lines);
        Assert.Equal(new BillingPeriod(Day("2026-04-25"), Day("2026-05-25")), quote.NewPeriod);
        Assert.Equal(0m, quote.AmountDue);
        Assert.Equal(1074.58m, quote.BalanceAfter);
    }

    [Fact]
    public void AnnualToMonthly_MidPeriod_WithATierChange()
    {
        var current = Paid(Professional, 1000, Annual, "2026-01-15");

        var quote = Allowed(Change(current, Professional, 2500, Monthly, "2026-04-25"));

        AssertTotals(22500, 4500, 27000, quote.Invoice!.Totals, quote.Invoice.Lines);
        Assert.Equal(0m, quote.AmountDue);
        Assert.Equal(984.58m, quote.BalanceAfter);
    }

    [Fact]
    public void TierChangeAlone_IsSameRankAndLosesNothing()
    {
        var current = Paid(Serenity, 50, Monthly, "2026-01-31");

        var quote = Allowed(Change(current, Serenity, 250, Monthly, "2026-02-14"));

        // February of a 31 January anchor: [31 Jan, 28 Feb), 28 days; 20.00 × 14 / 28.
        Assert.Equal((14, 28), (quote.CreditNote!.UnusedDays, quote.CreditNote.PeriodDays));
        AssertTotals(1000, 200, 1200, quote.CreditNote.Totals, quote.CreditNote.Lines);
        Assert.Equal(36.00m, quote.AmountDue);
        Assert.Equal(RankChange.SameRank, quote.RankChange);
        Assert.Empty(quote.LostFeatures);
    }

    [Fact]
    public void Change_InTheMarchPeriodOfA31JanuaryAnchor_DividesBy31Days()
    {
        // Periods of a 31 January anchor: [31 Jan, 28 Feb), [28 Feb, 31 Mar), [31 Mar, 30 Apr).
        var current = Paid(Serenity, 250, Monthly, "2026-02-28", anchor: "2026-01-31");

        var quote = Allowed(Change(current, Professional, 250, Monthly, "2026-03-15"));

        Assert.Equal(new BillingPeriod(Day("2026-02-28"), Day("2026-03-31")), quote.CreditNote!.OriginalPeriod);
        // 40.00 × 16 / 31 = 20.645… → 20.65.
        Assert.Equal(20.65m, quote.CreditNote.Totals.ExcludingVat);
    }

    [Fact]
    public void Change_InAPeriodAnchoredOnThe30th_UsesTheClampedFebruaryEnd()
    {
        // [28 Feb, 30 Mar) 2026: 30 days.
        var current = Paid(Serenity, 250, Monthly, "2026-02-28", anchor: "2026-01-30");

        var quote = Allowed(Change(current, Professional, 250, Monthly, "2026-03-10"));

        Assert.Equal((20, 30), (quote.CreditNote!.UnusedDays, quote.CreditNote.PeriodDays));
        // 40.00 × 20 / 30 = 26.666… → 26.67.
        AssertTotals(2667, 533, 3200, quote.CreditNote.Totals, quote.CreditNote.Lines);
    }

    [Fact]
    public void Change_InAnAnnualPeriodContaining29February_DividesBy366()
    {
        var current = Paid(Serenity, 50, Annual, "2027-02-28", anchor: "2024-02-29");

        var quote = Allowed(Change(current, Serenity, 250, Annual, "2027-09-01"));

        Assert.Equal(new BillingPeriod(Day("2027-02-28"), Day("2028-02-29")), quote.CreditNote!.OriginalPeriod);
        Assert.Equal((181, 366), (quote.CreditNote.UnusedDays, quote.CreditNote.PeriodDays));
        // 192.00 × 181 / 366 = 94.950… → 94.95; VAT 18.99.
        AssertTotals(9495, 1899, 11394, quote.CreditNote.Totals, quote.CreditNote.Lines);
    }

    [Fact]
    public void FreeToPaid_Annual_On29February_EndsOn28FebruaryOfTheNextYear()
    {
        var quote = Allowed(Change(SubscriptionSnapshot.Free(TestCatalog.Liberty), Serenity, 50, Annual, "2028-02-29"));

        Assert.Equal(new BillingPeriod(Day("2028-02-29"), Day("2029-02-28")), quote.NewPeriod);
        Assert.Equal(Day("2028-02-29"), quote.NewAnchor);
    }

    [Fact]
    public void Change_At2330ParisOnThePeriodsLastDay_CreditsThatDay()
    {
        // 9 April 2026 23:30 in Paris (UTC+2) is 21:30 UTC.
        var changeDate = PeriodMath.LocalDate(new DateTimeOffset(2026, 4, 9, 21, 30, 0, TimeSpan.Zero), Paris);
        var input = Change(SerenityMarch, Professional, 250, Monthly, "2026-04-09") with { ChangeDate = changeDate };

        var quote = Allowed(input);

        Assert.Equal(Day("2026-04-09"), changeDate);
        AssertTotals(129, 26, 155, quote.CreditNote!.Totals, quote.CreditNote.Lines);
    }

    [Fact]
    public void Change_HalfAnHourLater_IsOnTheNextPeriodsFirstDay_AndRefused()
    {
        // 10 April 00:00 in Paris is 22:00 UTC on 9 April: the period [10 Mar, 10 Apr) is over.
        var changeDate = PeriodMath.LocalDate(new DateTimeOffset(2026, 4, 9, 22, 0, 0, TimeSpan.Zero), Paris);
        var input = Change(SerenityMarch, Professional, 250, Monthly, "2026-04-09") with { ChangeDate = changeDate };

        var refusal = Refused(input);

        Assert.Equal(Day("2026-04-10"), changeDate);
        Assert.Equal(QuoteRefusalReason.ChangeDateOutsidePeriod, refusal.Reason);
    }

    [Fact]
    public void Change_JustAfterTheSpringSwitch_UsesTheParisDate()
    {
        // 00:30 in Paris on 29 March 2026 (still UTC+1) is 23:30 UTC on the 28th.
        var changeDate = PeriodMath.LocalDate(new DateTimeOffset(2026, 3, 28, 23, 30, 0, TimeSpan.Zero), Paris);
        var input = Change(SerenityMarch, Professional, 250, Monthly, "2026-03-29") with { ChangeDate = changeDate };

        var quote = Allowed(input);

        Assert.Equal(Day("2026-03-29"), changeDate);
        // 40.00 × 12 / 31 = 15.483… → 15.48.
        Assert.Equal((12, 31), (quote.CreditNote!.UnusedDays, quote.CreditNote.PeriodDays));
        AssertTotals(1548, 310, 1858, quote.CreditNote.Totals, quote.CreditNote.Lines);
    }

    [Fact]
    public void Change_JustBeforeTheAutumnSwitch_UsesTheParisDate()
    {
        // 00:30 in Paris on 25 October 2026 (still UTC+2) is 22:30 UTC on the 24th.
        var current = Paid(Serenity, 250, Monthly, "2026-10-10");
        var changeDate = PeriodMath.LocalDate(new DateTimeOffset(2026, 10, 24, 22, 30, 0, TimeSpan.Zero), Paris);
        var input = Change(current, Professional, 250, Monthly, "2026-10-25") with { ChangeDate = changeDate };

        var quote = Allowed(input);

        Assert.Equal(Day("2026-10-25"), changeDate);
        Assert.Equal((16, 31), (quote.CreditNote!.UnusedDays, quote.CreditNote.PeriodDays));
        AssertTotals(2065, 413, 2478, quote.CreditNote.Totals, quote.CreditNote.Lines);
        Assert.Equal(new BillingPeriod(Day("2026-10-25"), Day("2026-11-25")), quote.NewPeriod);
    }

    [Fact]
    public void Credit_AtExactlyHalfACent_IsRoundedAwayFromZero()
    {
        // 40.01 × 14 / 28 = 20.005: banker's rounding would credit 20.00.
        var current = Paid(Serenity, 250, Monthly, "2026-02-01", chargedExcludingVat: 40.01m);

        var quote = Allowed(Change(current, Professional, 250, Monthly, "2026-02-15"));

        Assert.Equal(20.01m, quote.CreditNote!.Totals.ExcludingVat);
    }

    [Fact]
    public void IdenticalTarget_IsRefused()
    {
        var refusal = Refused(Change(SerenityMarch, Serenity, 250, Monthly, "2026-03-20"));

        Assert.Equal(QuoteRefusalReason.NothingToChange, refusal.Reason);
        Assert.Equal(QuoteCalculator.NothingToChangeMessage, refusal.Message);
    }

    [Fact]
    public void IdenticalTarget_IsRefusedAsNothingToChange_EvenWhenContactsOutgrewTheTier()
    {
        var refusal = Refused(Change(SerenityMarch, Serenity, 250, Monthly, "2026-03-20", contactsInUse: 300));

        Assert.Equal(QuoteRefusalReason.NothingToChange, refusal.Reason);
    }

    [Theory]
    [InlineData("liberty")]
    [InlineData("payment")]
    public void PaidToFree_IsRefused_WithTheWayOut(string freeOffer)
    {
        var refusal = Refused(Change(SerenityMarch, TestCatalog.ByCode(freeOffer), null, null, "2026-03-20"));

        Assert.Equal(QuoteRefusalReason.PaidToFree, refusal.Reason);
        Assert.Equal(
            "A paid platform cannot become free. To use Liberty, cancel the subscription, export your data and create a new 100 % free platform.",
            refusal.Message);
    }

    [Fact]
    public void TierBelowContactsInUse_IsRefused_SayingHowManyAreInUse()
    {
        var refusal = Refused(Change(SerenityMarch, Professional, 50, Monthly, "2026-03-20", contactsInUse: 180));

        Assert.Equal(QuoteRefusalReason.TierBelowContactsInUse, refusal.Reason);
        Assert.Equal(
            "This platform has 180 contacts in use, more than the 50 this tier allows. Choose a tier of at least 180 contacts.",
            refusal.Message);
    }

    [Fact]
    public void TierBelowContactsInUse_IsRefused_ForAFreeToPaidChangeToo()
    {
        var refusal = Refused(Change(SubscriptionSnapshot.Free(TestCatalog.Liberty), Serenity, 250, Monthly, "2026-03-20", contactsInUse: 1200));

        Assert.Equal(QuoteRefusalReason.TierBelowContactsInUse, refusal.Reason);
        Assert.Contains("1,200 contacts in use", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TierExactlyAtContactsInUse_IsAllowed()
    {
        Allowed(Change(SerenityMarch, Professional, 250, Monthly, "2026-03-20", contactsInUse: 250));
    }

    [Theory]
    [InlineData(300)]
    [InlineData(0)]
    public void UnknownTier_IsRefused(int tier)
    {
        var refusal = Refused(Change(SerenityMarch, Professional, tier, Monthly, "2026-03-20"));

        Assert.Equal(QuoteRefusalReason.UnknownTier, refusal.Reason);
        Assert.Equal($"Professional has no tier for {tier} contacts. Choose one of the listed tiers.", refusal.Message);
    }

    [Fact]
    public void MissingTier_IsRefusedAsUnknown()
    {
        var refusal = Refused(Change(SerenityMarch, Professional, null, Monthly, "2026-03-20"));

        Assert.Equal(QuoteRefusalReason.UnknownTier, refusal.Reason);
        Assert.Equal("Choose a number of contacts for Professional.", refusal.Message);
    }

    [Fact]
    public void MissingCommitment_ForAPaidTarget_IsRefused()
    {
        var refusal = Refused(Change(SerenityMarch, Professional, 250, null, "2026-03-20"));

        Assert.Equal(QuoteRefusalReason.MissingCommitment, refusal.Reason);
        Assert.Equal("Choose a monthly or annual commitment for Professional.", refusal.Message);
    }

    [Theory]
    [InlineData("2026-03-09")]
    [InlineData("2026-04-10")]
    public void ChangeDateOutsideTheCurrentPeriod_IsRefused(string changeDate)
    {
        var refusal = Refused(Change(SerenityMarch, Professional, 250, Monthly, changeDate));

        Assert.Equal(QuoteRefusalReason.ChangeDateOutsidePeriod, refusal.Reason);
        Assert.Equal(QuoteCalculator.ChangeDateOutsidePeriodMessage, refusal.Message);
    }

    [Fact]
    public void FreeToTheSameFreeOffer_IsRefused()
    {
        var refusal = Refused(Change(SubscriptionSnapshot.Free(TestCatalog.Liberty), TestCatalog.Liberty, null, null, "2026-03-20"));

        Assert.Equal(QuoteRefusalReason.NothingToChange, refusal.Reason);
    }

    [Fact]
    public void FreeToAnotherFreeOffer_IssuesNothing_AndKeepsTheBalance()
    {
        var quote = Allowed(Change(SubscriptionSnapshot.Free(TestCatalog.Liberty), TestCatalog.Payment, null, null, "2026-03-20", balance: 12.34m));

        Assert.Null(quote.CreditNote);
        Assert.Null(quote.Invoice);
        Assert.Null(quote.NewPeriod);
        Assert.Null(quote.NewAnchor);
        Assert.Null(quote.CollectionDate);
        Assert.Equal((0m, 0m, 12.34m), (quote.AmountDue, quote.BalanceApplied, quote.BalanceAfter));
        Assert.Equal(RankChange.SameRank, quote.RankChange);
        Assert.Equal(["Tips asked of payers"], quote.LostFeatures);
    }

    [Fact]
    public void FreeToPaid_InvoicesAFullPeriodFromTheChangeDay_WithoutCreditNote()
    {
        var quote = Allowed(Change(SubscriptionSnapshot.Free(TestCatalog.Liberty), Serenity, 50, Annual, "2026-06-01", contactsInUse: 40));

        Assert.Null(quote.CreditNote);
        AssertTotals(19200, 3840, 23040, quote.Invoice!.Totals, quote.Invoice.Lines);
        Assert.Equal(new BillingPeriod(Day("2026-06-01"), Day("2027-06-01")), quote.NewPeriod);
        Assert.Equal(230.40m, quote.AmountDue);
        Assert.Equal(Day("2026-06-04"), quote.CollectionDate);
        Assert.Equal(RankChange.Upgrade, quote.RankChange);
        Assert.Equal(["Tips asked of payers"], quote.LostFeatures);
    }

    [Fact]
    public void Balance_IsAppliedToTheNextInvoice()
    {
        var quote = Allowed(Change(SubscriptionSnapshot.Free(TestCatalog.Liberty), Serenity, 50, Annual, "2026-06-01", balance: 50.00m));

        Assert.Equal(50.00m, quote.BalanceBefore);
        Assert.Equal(50.00m, quote.BalanceApplied);
        Assert.Equal(180.40m, quote.AmountDue);
        Assert.Equal(0m, quote.BalanceAfter);
    }

    [Fact]
    public void Balance_LargerThanWhatTheCreditLeaves_PaysItAll_AndTheRestStays()
    {
        var current = Paid(Serenity, 1000, Monthly, "2026-04-25");

        var quote = Allowed(Change(current, Professional, 1000, Monthly, "2026-04-30", balance: 1200.00m));

        AssertTotals(7500, 1500, 9000, quote.CreditNote!.Totals, quote.CreditNote.Lines);
        AssertTotals(15000, 3000, 18000, quote.Invoice!.Totals, quote.Invoice.Lines);
        Assert.Equal(90.00m, quote.BalanceApplied);
        Assert.Equal(0m, quote.AmountDue);
        Assert.Null(quote.CollectionDate);
        Assert.Equal(1110.00m, quote.BalanceAfter);
    }

    [Fact]
    public void CollectionDate_FollowsTheGivenDelay()
    {
        var input = Change(SerenityMarch, Professional, 250, Monthly, "2026-03-20") with { CollectionDelayDays = 1 };

        Assert.Equal(Day("2026-03-21"), Allowed(input).CollectionDate);
    }

    [Fact]
    public void APaidSnapshotWithoutItsPeriod_IsABug()
    {
        var broken = SerenityMarch with { Period = null };

        Assert.Throws<ArgumentException>(() => QuoteCalculator.Calculate(Change(broken, Professional, 250, Monthly, "2026-03-20")));
    }

    [Fact]
    public void APeriodThatIsNotTheAnchors_IsABug()
    {
        var broken = SerenityMarch with { Anchor = Day("2026-03-11") };

        Assert.Throws<ArgumentException>(() => QuoteCalculator.Calculate(Change(broken, Professional, 250, Monthly, "2026-03-20")));
    }

    [Fact]
    public void ANegativeBalance_IsABug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QuoteCalculator.Calculate(Change(SerenityMarch, Professional, 250, Monthly, "2026-03-20", balance: -1m)));
    }

    [Fact]
    public void Balance_ExactlyTheAmountDue_LeavesNothingToCollect_AndNoCollectionDate()
    {
        // Serenity 50 annual is 230.40 TTC: a balance of exactly that pays it, due is 0, not a debit of 0.00.
        var quote = Allowed(Change(SubscriptionSnapshot.Free(TestCatalog.Liberty), Serenity, 50, Annual, "2026-06-01", balance: 230.40m));

        Assert.Equal(230.40m, quote.BalanceApplied);
        Assert.Equal(0m, quote.AmountDue);
        Assert.Null(quote.CollectionDate);
        Assert.Equal(0m, quote.BalanceAfter);
    }

    [Fact]
    public void Balance_OneCentShortOfTheAmountDue_CollectsThatCent()
    {
        var quote = Allowed(Change(SubscriptionSnapshot.Free(TestCatalog.Liberty), Serenity, 50, Annual, "2026-06-01", balance: 230.39m));

        Assert.Equal(0.01m, quote.AmountDue);
        Assert.Equal(Day("2026-06-04"), quote.CollectionDate);
    }

    [Theory]
    [InlineData("-0.01", "0")]
    [InlineData("40.001", "0")]
    [InlineData("40.00", "-0.01")]
    [InlineData("40.00", "0.005")]
    public void OpeningInvoiceWithANegativeOrFractionalAmount_IsABug(string chargedExcludingVat, string creditedExcludingVat)
    {
        var broken = Paid(Serenity, 250, Monthly, "2026-03-10",
            chargedExcludingVat: decimal.Parse(chargedExcludingVat, CultureInfo.InvariantCulture), creditedExcludingVat: decimal.Parse(creditedExcludingVat, CultureInfo.InvariantCulture));

        Assert.ThrowsAny<ArgumentException>(() => QuoteCalculator.Calculate(Change(broken, Professional, 250, Monthly, "2026-03-20")));
    }

    [Fact]
    public void ABalanceWithAFractionOfACent_IsABug()
    {
        Assert.Throws<ArgumentException>(() => QuoteCalculator.Calculate(Change(SerenityMarch, Professional, 250, Monthly, "2026-03-20", balance: 0.001m)));
    }

    [Fact]
    public void ANegativeCollectionDelay_IsABug()
    {
        var input = Change(SerenityMarch, Professional, 250, Monthly, "2026-03-20") with { CollectionDelayDays = -1 };

        Assert.Throws<ArgumentOutOfRangeException>(() => QuoteCalculator.Calculate(input));
    }

    [Fact]
    public void ACollectionDelayOfZero_CollectsOnTheChangeDay()
    {
        var input = Change(SerenityMarch, Professional, 250, Monthly, "2026-03-20") with { CollectionDelayDays = 0 };

        Assert.Equal(Day("2026-03-20"), Allowed(input).CollectionDate);
    }

    [Fact]
    public void ANegativeContactCount_IsABug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QuoteCalculator.Calculate(Change(SerenityMarch, Professional, 250, Monthly, "2026-03-20", contactsInUse: -1)));
    }

    [Fact]
    public void AQuoteOfNothing_IsABugNamingWhatIsMissing()
    {
        var input = Change(SerenityMarch, Professional, 250, Monthly, "2026-03-20");

        Assert.Equal("input", Assert.Throws<ArgumentNullException>(() => QuoteCalculator.Calculate(null!)).ParamName);
        Assert.Equal("input.Current", Assert.Throws<ArgumentNullException>(() => QuoteCalculator.Calculate(input with { Current = null! })).ParamName);
        Assert.Equal("input.Target", Assert.Throws<ArgumentNullException>(() => QuoteCalculator.Calculate(input with { Target = null! })).ParamName);
        Assert.Equal("input.Current.Offer", Assert.Throws<ArgumentNullException>(() => QuoteCalculator.Calculate(input with { Current = SerenityMarch with { Offer = null! } })).ParamName);
        Assert.Equal("input.Target.Offer", Assert.Throws<ArgumentNullException>(() => QuoteCalculator.Calculate(input with { Target = input.Target with { Offer = null! } })).ParamName);
        Assert.Equal("input", Assert.Throws<ArgumentNullException>(() => QuoteCalculator.Renewal(null!)).ParamName);
    }
}

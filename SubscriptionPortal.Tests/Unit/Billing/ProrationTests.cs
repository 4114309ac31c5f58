using SubscriptionPortal.Billing;
using SubscriptionPortal.Common;
using SubscriptionPortal.Subscriptions;
using Xunit;

namespace SubscriptionPortal.Tests.Unit.Billing;

public sealed class ProrationTests
{
    // Serenity 250 monthly, 31 days.
    private static readonly BillingPeriod March = new(new DateOnly(2026, 3, 10), new DateOnly(2026, 4, 10));

    [Fact]
    public void Credit_MidMonth_IsTheUnusedDaysShareRounded()
    {
        // 40.00 × 21 / 31 = 27.0967…
        Assert.Equal(27.10m, Proration.CreditExcludingVat(40.00m, 0m, March, new DateOnly(2026, 3, 20)));
    }

    [Fact]
    public void Credit_OnThePeriodsFirstDay_IsTheFullAmount()
    {
        Assert.Equal(40.00m, Proration.CreditExcludingVat(40.00m, 0m, March, March.Start));
    }

    [Fact]
    public void Credit_OnThePeriodsLastDay_IsOneDay()
    {
        // 40.00 / 31 = 1.290…
        Assert.Equal(1.29m, Proration.CreditExcludingVat(40.00m, 0m, March, new DateOnly(2026, 4, 9)));
    }

    [Fact]
    public void Credit_CountsTheChangeDayAsUnused()
    {
        var changeDate = new DateOnly(2026, 3, 25);

        var credit = Proration.CreditExcludingVat(31.00m, 0m, March, changeDate);

        // 16 days from 25 March to 9 April inclusive, 1.00 each: 25 March is given back once, here.
        Assert.Equal(16.00m, credit);
    }

    [Fact]
    public void Credit_AtExactlyHalfACent_IsRoundedAwayFromZero()
    {
        var february = new BillingPeriod(new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1));

        // 40.01 × 14 / 28 = 20.005 exactly; banker's rounding would say 20.00.
        Assert.Equal(20.01m, Proration.CreditExcludingVat(40.01m, 0m, february, new DateOnly(2026, 2, 15)));
    }

    [Fact]
    public void Credit_OverALeapYear_Uses366Days()
    {
        var leapYear = new BillingPeriod(new DateOnly(2027, 2, 28), new DateOnly(2028, 2, 29));

        // 192.00 × 181 / 366 = 94.950…; with 365 days it would be 95.21.
        Assert.Equal(94.95m, Proration.CreditExcludingVat(192.00m, 0m, leapYear, new DateOnly(2027, 9, 1)));
    }

    [Fact]
    public void Credit_NeverExceedsWhatTheInvoiceStillHolds()
    {
        Assert.Equal(5.00m, Proration.CreditExcludingVat(40.00m, 35.00m, March, new DateOnly(2026, 3, 20)));
        Assert.Equal(10.00m, Proration.CreditExcludingVat(40.00m, 30.00m, March, March.Start));
    }

    [Fact]
    public void Credit_OfAFullyCreditedInvoice_IsZeroNeverNegative()
    {
        Assert.Equal(0m, Proration.CreditExcludingVat(40.00m, 40.00m, March, new DateOnly(2026, 3, 20)));
        Assert.Equal(0m, Proration.CreditExcludingVat(40.00m, 45.00m, March, new DateOnly(2026, 3, 20)));
    }

    [Theory]
    [InlineData(2026, 3, 9)]
    [InlineData(2026, 4, 10)]
    public void Credit_OnADateOutsideThePeriod_IsABug(int year, int month, int day)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Proration.CreditExcludingVat(40.00m, 0m, March, new DateOnly(year, month, day)));
    }

    [Fact]
    public void Credit_OfANegativeInvoicedAmount_IsABug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Proration.CreditExcludingVat(-0.01m, 0m, March, new DateOnly(2026, 3, 20)));
    }

    [Fact]
    public void Credit_WithNegativePriorCredits_IsABug()
    {
        // A negative prior credit would let the credit note exceed what the invoice charged.
        Assert.Throws<ArgumentOutOfRangeException>(() => Proration.CreditExcludingVat(40.00m, -0.01m, March, March.Start));
    }

    [Fact]
    public void Credit_OfAFreeInvoice_IsZero()
    {
        Assert.Equal(0m, Proration.CreditExcludingVat(0m, 0m, March, new DateOnly(2026, 3, 20)));
    }
}

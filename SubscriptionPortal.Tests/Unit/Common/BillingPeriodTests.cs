using SubscriptionPortal.Common;
using SubscriptionPortal.Subscriptions;
using Xunit;

namespace SubscriptionPortal.Tests.Unit.Common;

public sealed class BillingPeriodTests
{
    private static readonly BillingPeriod March = new(new DateOnly(2026, 3, 10), new DateOnly(2026, 4, 10));

    [Fact]
    public void Days_CountsTheStartButNotTheEnd()
    {
        Assert.Equal(31, March.Days);
        Assert.Equal(new DateOnly(2026, 4, 9), March.LastDay);
    }

    [Theory]
    [InlineData(2026, 3, 9, false)]
    [InlineData(2026, 3, 10, true)]
    [InlineData(2026, 4, 9, true)]
    [InlineData(2026, 4, 10, false)]
    public void Contains_IncludesTheStartAndExcludesTheEnd(int year, int month, int day, bool expected)
    {
        Assert.Equal(expected, March.Contains(new DateOnly(year, month, day)));
    }

    [Fact]
    public void AnEmptyOrReversedPeriod_IsABug()
    {
        var day = new DateOnly(2026, 3, 10);

        Assert.Throws<ArgumentException>(() => new BillingPeriod(day, day));
        Assert.Throws<ArgumentException>(() => new BillingPeriod(day, day.AddDays(-1)));
    }

    [Fact]
    public void ToString_ShowsTheHalfOpenInterval()
    {
        Assert.Equal("[2026-03-10, 2026-04-10)", March.ToString());
    }
}

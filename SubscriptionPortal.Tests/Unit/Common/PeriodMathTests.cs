using SubscriptionPortal.Common;
using SubscriptionPortal.Subscriptions;
using Xunit;

namespace SubscriptionPortal.Tests.Unit.Common;

public sealed class PeriodMathTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void MonthlyBoundaries_FromThe31stOfJanuary_KeepThe31stWhereTheMonthHasIt()
    {
        var anchor = Day("2026-01-31");

        var boundaries = Enumerable.Range(0, 5).Select(k => PeriodMath.Boundary(anchor, Commitment.Monthly, k));

        Assert.Equal([Day("2026-01-31"), Day("2026-02-28"), Day("2026-03-31"), Day("2026-04-30"), Day("2026-05-31")], boundaries);
    }

    [Fact]
    public void MonthlyBoundaries_FromThe31stOfJanuary_LandOnThe29thOfFebruaryInALeapYear()
    {
        var anchor = Day("2028-01-31");

        Assert.Equal(Day("2028-02-29"), PeriodMath.Boundary(anchor, Commitment.Monthly, 1));
        Assert.Equal(Day("2028-03-31"), PeriodMath.Boundary(anchor, Commitment.Monthly, 2));
    }

    [Fact]
    public void NextPeriod_AfterAClampedFebruary_GoesBackToTheAnchorDay()
    {
        var anchor = Day("2026-01-31");
        var january = PeriodMath.FirstPeriod(anchor, Commitment.Monthly);

        var february = PeriodMath.NextPeriod(anchor, Commitment.Monthly, january);
        var march = PeriodMath.NextPeriod(anchor, Commitment.Monthly, february);

        Assert.Equal(new BillingPeriod(Day("2026-01-31"), Day("2026-02-28")), january);
        Assert.Equal(new BillingPeriod(Day("2026-02-28"), Day("2026-03-31")), february);
        Assert.Equal(new BillingPeriod(Day("2026-03-31"), Day("2026-04-30")), march);
        Assert.Equal([28, 31, 30], new[] { january.Days, february.Days, march.Days });
    }

    [Theory]
    [InlineData("2026-01-30", "2026-02-28", "2026-03-30")]
    [InlineData("2028-01-30", "2028-02-29", "2028-03-30")]
    public void MonthlyPeriods_AnchoredOnThe30th_EndOnFebruarysLastDayThenReturnToThe30th(string anchor, string february, string march)
    {
        var first = PeriodMath.FirstPeriod(Day(anchor), Commitment.Monthly);
        var second = PeriodMath.NextPeriod(Day(anchor), Commitment.Monthly, first);

        Assert.Equal(Day(february), first.End);
        Assert.Equal(new BillingPeriod(Day(february), Day(march)), second);
    }

    [Fact]
    public void AnnualBoundaries_FromThe29thOfFebruary_Use28FebruaryInCommonYearsAnd29InLeapYears()
    {
        var anchor = Day("2024-02-29");

        var boundaries = Enumerable.Range(0, 5).Select(k => PeriodMath.Boundary(anchor, Commitment.Annual, k));

        Assert.Equal([Day("2024-02-29"), Day("2025-02-28"), Day("2026-02-28"), Day("2027-02-28"), Day("2028-02-29")], boundaries);
    }

    [Fact]
    public void AnnualPeriod_ThatContainsA29February_Has366Days()
    {
        var period = PeriodMath.PeriodContaining(Day("2024-02-29"), Commitment.Annual, Day("2027-09-01"));

        Assert.Equal(new BillingPeriod(Day("2027-02-28"), Day("2028-02-29")), period);
        Assert.Equal(366, period.Days);
    }

    [Fact]
    public void FirstAnnualPeriod_StartingOnThe29thOfFebruary_EndsOnThe28th()
    {
        var period = PeriodMath.FirstPeriod(Day("2028-02-29"), Commitment.Annual);

        Assert.Equal(new BillingPeriod(Day("2028-02-29"), Day("2029-02-28")), period);
        Assert.Equal(365, period.Days);
    }

    [Theory]
    [InlineData("2026-03-10", Commitment.Monthly, "2026-03-10", "2026-04-10")]
    [InlineData("2026-03-10", Commitment.Monthly, "2026-04-09", "2026-04-10")]
    [InlineData("2026-03-10", Commitment.Monthly, "2026-04-10", "2026-05-10")]
    [InlineData("2026-01-31", Commitment.Monthly, "2026-03-30", "2026-03-31")]
    [InlineData("2026-01-31", Commitment.Monthly, "2026-03-31", "2026-04-30")]
    [InlineData("2026-01-15", Commitment.Annual, "2026-04-25", "2027-01-15")]
    [InlineData("2026-01-15", Commitment.Annual, "2027-01-15", "2028-01-15")]
    [InlineData("2024-02-29", Commitment.Annual, "2026-02-27", "2026-02-28")]
    public void PeriodEndAfter_IsTheFirstBoundaryStrictlyAfterTheDate(string anchor, Commitment commitment, string date, string expected)
    {
        Assert.Equal(Day(expected), PeriodMath.PeriodEndAfter(Day(anchor), commitment, Day(date)));
    }

    [Fact]
    public void PeriodEndAfter_ADateBeforeTheAnchor_IsABug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PeriodMath.PeriodEndAfter(Day("2026-03-10"), Commitment.Monthly, Day("2026-03-09")));
    }

    [Fact]
    public void NextPeriod_OfAPeriodThatIsNotTheAnchors_IsABug()
    {
        var notAPeriod = new BillingPeriod(Day("2026-02-28"), Day("2026-03-28"));

        Assert.Throws<ArgumentException>(() => PeriodMath.NextPeriod(Day("2026-01-31"), Commitment.Monthly, notAPeriod));
    }

    [Fact]
    public void Days_CountsTheStartButNotTheEnd()
    {
        Assert.Equal(21, PeriodMath.Days(Day("2026-03-20"), Day("2026-04-10")));
        Assert.Equal(0, PeriodMath.Days(Day("2026-03-20"), Day("2026-03-20")));
        Assert.Throws<ArgumentOutOfRangeException>(() => PeriodMath.Days(Day("2026-03-20"), Day("2026-03-19")));
    }

    [Theory]
    // Spring forward, 29 March 2026 at 01:00 UTC: Paris goes from UTC+1 to UTC+2.
    [InlineData("2026-03-28T22:59:00Z", "2026-03-28")]
    [InlineData("2026-03-28T23:30:00Z", "2026-03-29")]
    [InlineData("2026-03-29T00:30:00Z", "2026-03-29")]
    [InlineData("2026-03-29T01:30:00Z", "2026-03-29")]
    [InlineData("2026-03-29T21:30:00Z", "2026-03-29")]
    [InlineData("2026-03-29T22:00:00Z", "2026-03-30")]
    // Fall back, 25 October 2026 at 01:00 UTC: Paris goes from UTC+2 to UTC+1.
    [InlineData("2026-10-24T21:59:00Z", "2026-10-24")]
    [InlineData("2026-10-24T22:30:00Z", "2026-10-25")]
    [InlineData("2026-10-25T00:30:00Z", "2026-10-25")]
    [InlineData("2026-10-25T01:30:00Z", "2026-10-25")]
    [InlineData("2026-10-25T22:30:00Z", "2026-10-25")]
    [InlineData("2026-10-25T23:00:00Z", "2026-10-26")]
    public void LocalDate_IsTheParisCalendarDay_OnBothSidesOfEachDaylightSavingSwitch(string utc, string expected)
    {
        var instant = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(Day(expected), PeriodMath.LocalDate(instant, Paris));
    }

    [Fact]
    public void LocalDate_DoesNotDependOnTheInstantsOffset()
    {
        var sameInstant = new DateTimeOffset(2026, 4, 9, 17, 30, 0, TimeSpan.FromHours(-4));

        Assert.Equal(Day("2026-04-09"), PeriodMath.LocalDate(sameInstant, Paris));
        Assert.Equal(Day("2026-04-10"), PeriodMath.LocalDate(sameInstant.AddHours(1), Paris));
    }

    [Fact]
    public void LocalDate_WithoutATimeZone_IsABugNamingTheZone()
    {
        var error = Assert.Throws<ArgumentNullException>(() => PeriodMath.LocalDate(DateTimeOffset.UnixEpoch, null!));

        Assert.Equal("zone", error.ParamName);
    }

    [Fact]
    public void Boundary_OfAnUnknownCommitment_IsABug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PeriodMath.Boundary(Day("2026-01-31"), (Commitment)99, 1));
    }

    [Fact]
    public void PeriodContaining_TheAnchorItself_IsTheFirstPeriod()
    {
        Assert.Equal(
            new BillingPeriod(Day("2026-01-31"), Day("2027-01-31")),
            PeriodMath.PeriodContaining(Day("2026-01-31"), Commitment.Annual, Day("2026-01-31")));
    }

    [Theory]
    [InlineData("2026-01-31", Commitment.Monthly, "2031-07-30", "2031-07-31")]
    [InlineData("2026-01-31", Commitment.Monthly, "2031-07-31", "2031-08-31")]
    [InlineData("2026-03-15", Commitment.Annual, "2035-03-14", "2035-03-15")]
    [InlineData("2026-03-15", Commitment.Annual, "2035-03-15", "2036-03-15")]
    public void PeriodEndAfter_YearsLater_IsStillTheNextBoundary(string anchor, Commitment commitment, string date, string expected)
    {
        Assert.Equal(Day(expected), PeriodMath.PeriodEndAfter(Day(anchor), commitment, Day(date)));
    }
}

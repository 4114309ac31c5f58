using SubscriptionPortal.Payments;

namespace SubscriptionPortal.Tests.Unit.Payments;

public sealed class CollectionDatesTests
{
    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    public void EasterSunday_MatchesThePublishedDates(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), CollectionDates.EasterSunday(year));
    }

    [Theory]
    [InlineData("2026-01-01")] // New Year's Day
    [InlineData("2026-04-03")] // Good Friday
    [InlineData("2026-04-06")] // Easter Monday
    [InlineData("2026-05-01")] // Labour Day
    [InlineData("2026-12-25")] // Christmas Day
    [InlineData("2026-12-26")] // Boxing Day (a Saturday in 2026, closed anyway)
    [InlineData("2026-03-21")] // Saturday
    [InlineData("2026-03-22")] // Sunday
    public void IsBusinessDay_OnTarget2ClosingDays_IsFalse(string date)
    {
        Assert.False(CollectionDates.IsBusinessDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-03-20")] // an ordinary Friday
    [InlineData("2026-05-08")] // a French bank holiday, but TARGET2 settles
    [InlineData("2026-07-14")] // likewise
    [InlineData("2026-12-24")]
    public void IsBusinessDay_OnOrdinaryAndNationalHolidays_IsTrue(string date)
    {
        Assert.True(CollectionDates.IsBusinessDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Earliest_ForAFileSentOnAFriday_IsTheMonday()
    {
        Assert.Equal(new DateOnly(2026, 3, 23), CollectionDates.Earliest(new DateOnly(2026, 3, 20)));
    }

    [Fact]
    public void Earliest_ForAFileSentOnASaturday_IsTheTuesday()
    {
        // The bank takes it on Monday; collection one business day later.
        Assert.Equal(new DateOnly(2026, 3, 24), CollectionDates.Earliest(new DateOnly(2026, 3, 21)));
    }

    [Fact]
    public void Earliest_ForAFileSentOnMaundyThursday_SkipsGoodFridayAndEasterMonday()
    {
        Assert.Equal(new DateOnly(2026, 4, 7), CollectionDates.Earliest(new DateOnly(2026, 4, 2)));
    }

    [Fact]
    public void ForSubmission_OfADebitPlannedLaterThanTheEarliest_KeepsItsDate()
    {
        Assert.Equal(new DateOnly(2026, 3, 25), CollectionDates.ForSubmission(new DateOnly(2026, 3, 25), new DateOnly(2026, 3, 20)));
    }

    [Fact]
    public void ForSubmission_OfADebitWhoseDateHasPassed_MovesToTheEarliestPossible()
    {
        // The job was down: a debit planned for Wednesday goes out on Thursday, for Friday.
        Assert.Equal(new DateOnly(2026, 3, 20), CollectionDates.ForSubmission(new DateOnly(2026, 3, 18), new DateOnly(2026, 3, 19)));
    }

    [Fact]
    public void ForSubmission_OfADebitPlannedOnASunday_MovesToMonday()
    {
        Assert.Equal(new DateOnly(2026, 3, 23), CollectionDates.ForSubmission(new DateOnly(2026, 3, 22), new DateOnly(2026, 3, 19)));
    }

    [Fact]
    public void ForSubmission_OfADebitPlannedForTheSubmissionDay_IsNeverThatDay()
    {
        var day = new DateOnly(2026, 3, 19);

        Assert.True(CollectionDates.ForSubmission(day, day) > day);
    }

    [Fact]
    public void ForRetry_ThreeDaysAfterAThursday_IsTheMonday()
    {
        Assert.Equal(new DateOnly(2026, 3, 23), CollectionDates.ForRetry(new DateOnly(2026, 3, 19), 3));
    }

    [Theory]
    [InlineData(2029, 4, 1)]
    [InlineData(2033, 4, 17)]
    [InlineData(2049, 4, 18)]
    [InlineData(2076, 4, 19)]
    [InlineData(1954, 4, 18)]
    [InlineData(1981, 4, 19)]
    public void EasterSunday_InYearsOfTheRareCorrection_MatchesThePublishedDates(int year, int month, int day)
    {
        // Years where the epact correction moves Easter a week from where the plain formula would put it.
        Assert.Equal(new DateOnly(year, month, day), CollectionDates.EasterSunday(year));
    }

    [Fact]
    public void ForRetry_WithNoDelay_IsStillTheNextDayAtTheSoonest()
    {
        // Tuesday 17 March 2026: a retry is never planned for the day the failure is handled.
        Assert.Equal(new DateOnly(2026, 3, 18), CollectionDates.ForRetry(new DateOnly(2026, 3, 17), 0));
    }

    [Fact]
    public void BusinessDayOnOrAfter_OfABusinessDay_IsThatDay()
    {
        Assert.Equal(new DateOnly(2026, 3, 20), CollectionDates.BusinessDayOnOrAfter(new DateOnly(2026, 3, 20)));
    }

    [Fact]
    public void BusinessDayOnOrAfter_OfChristmasEveningOnAFriday_SkipsTheWeekendAndBoxingDay()
    {
        // 25 December 2026 is a Friday: 26, 27 closed, Monday 28 open.
        Assert.Equal(new DateOnly(2026, 12, 28), CollectionDates.BusinessDayOnOrAfter(new DateOnly(2026, 12, 25)));
    }
}

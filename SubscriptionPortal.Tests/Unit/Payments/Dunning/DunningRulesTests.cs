using SubscriptionPortal.Payments.Dunning;

namespace SubscriptionPortal.Tests.Unit.Payments.Dunning;

public sealed class DunningRulesTests
{
    private static readonly DunningOptions Defaults = new();
    private static readonly DateOnly Day0 = new(2026, 3, 20);

    [Theory]
    [InlineData(null, OverdueState.Active)]
    [InlineData(-1, OverdueState.Active)]
    [InlineData(0, OverdueState.PaymentFailed)]
    [InlineData(14, OverdueState.PaymentFailed)]
    [InlineData(15, OverdueState.Restricted)]
    [InlineData(29, OverdueState.Restricted)]
    [InlineData(30, OverdueState.Suspended)]
    [InlineData(400, OverdueState.Suspended)]
    public void StateFor_TheDaysSinceTheOldestFailure_GivesTheState(int? days, OverdueState expected)
    {
        Assert.Equal(expected, DunningRules.StateFor(days, Defaults));
    }

    [Theory]
    [InlineData(6, OverdueState.PaymentFailed)]
    [InlineData(7, OverdueState.Restricted)]
    [InlineData(9, OverdueState.Restricted)]
    [InlineData(10, OverdueState.Suspended)]
    public void StateFor_FollowsTheConfiguredDays(int days, OverdueState expected)
    {
        var options = new DunningOptions { RestrictedAfterDays = 7, SuspendedAfterDays = 10 };

        Assert.Equal(expected, DunningRules.StateFor(days, options));
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(1, 12)]
    [InlineData(2, null)]
    [InlineData(3, null)]
    [InlineData(-1, null)]
    public void RetryDay_ByDefault_IsDay5ThenDay12_AndNoThirdRetry(int retriesDone, int? expected)
    {
        Assert.Equal(expected, DunningRules.RetryDay(retriesDone, Defaults));
    }

    [Theory]
    [InlineData(2, 20)]
    [InlineData(3, null)]
    public void RetryDay_WithThreeRetriesConfigured_AllowsTheThirdOnly(int retriesDone, int? expected)
    {
        var options = new DunningOptions { RetryAfterDays = [5, 12, 20], MaxRetries = 3 };

        Assert.Equal(expected, DunningRules.RetryDay(retriesDone, options));
    }

    [Fact]
    public void RetryDay_WithMoreDaysThanRetriesAllowed_StopsAtTheMaximum()
    {
        var options = new DunningOptions { RetryAfterDays = [5, 12, 20], MaxRetries = 1 };

        Assert.Equal((5, (int?)null), (DunningRules.RetryDay(0, options)!.Value, DunningRules.RetryDay(1, options)));
    }

    [Theory]
    [InlineData("AM04", true)]
    [InlineData("ms03", true)]
    [InlineData("RR04", true)]
    [InlineData("AC04", false)]
    [InlineData("MD01", false)]
    [InlineData("AC06", false)]
    [InlineData("MD07", false)]
    [InlineData("AC01", false)]
    [InlineData(null, false)]
    [InlineData("AM4", false)]
    public void IsRetriedOnSchedule_TemporaryReasonsOnly(string? code, bool expected)
    {
        Assert.Equal(expected, DunningRules.IsRetriedOnSchedule(code));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 5)]
    [InlineData(30, 30)]
    public void EffectiveDays_WithoutPause_AreCalendarDays(int elapsed, int expected)
    {
        Assert.Equal(expected, DunningRules.EffectiveDays(Day0, Day0.AddDays(elapsed), 0, null, null));
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(4, 3)]
    [InlineData(9, 3)]
    [InlineData(10, 3)]
    [InlineData(11, 4)]
    public void EffectiveDays_DuringAndAfterAPauseFromDay3ToDay10_LeaveThePausedDaysOut(int elapsed, int expected)
    {
        Assert.Equal(expected, DunningRules.EffectiveDays(Day0, Day0.AddDays(elapsed), 0, Day0.AddDays(3), Day0.AddDays(10)));
    }

    [Fact]
    public void EffectiveDays_LeaveEarlierPausesOut()
    {
        Assert.Equal(16, DunningRules.EffectiveDays(Day0, Day0.AddDays(20), 4, null, null));
    }

    [Theory]
    [InlineData(5, 3, 0, 2)]
    [InlineData(5, 5, 0, 0)]
    [InlineData(5, 8, 0, 0)]
    [InlineData(12, 3, 10, 19)]
    public void DateOfDay_CountsFromTodayOrFromThePausesEnd(int target, int effective, int pausedUntilInDays, int expectedInDays)
    {
        DateOnly? until = pausedUntilInDays == 0 ? null : Day0.AddDays(pausedUntilInDays);

        Assert.Equal(Day0.AddDays(expectedInDays), DunningRules.DateOfDay(target, effective, Day0, until));
    }

    [Fact]
    public void RetryDay_WithMoreRetriesAllowedThanDays_StopsWhenTheDaysRunOut()
    {
        var options = new DunningOptions { RetryAfterDays = [5, 12], MaxRetries = 3 };

        Assert.Equal((12, (int?)null), (DunningRules.RetryDay(1, options)!.Value, DunningRules.RetryDay(2, options)));
    }

    [Fact]
    public void EffectiveDays_OnThePausesFirstDay_CountTheDaysBeforeIt()
    {
        Assert.Equal(3, DunningRules.EffectiveDays(Day0, Day0.AddDays(3), 0, Day0.AddDays(3), null));
        Assert.Equal(5, DunningRules.EffectiveDays(Day0, Day0.AddDays(5), 0, null, Day0.AddDays(10)));
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    [InlineData(1, false)]
    public void IsPaused_UntilTheResumeDay(int todayFromUntil, bool expected)
    {
        var until = Day0.AddDays(10);

        Assert.Equal(expected, DunningRules.IsPaused(until.AddDays(todayFromUntil), until));
        Assert.False(DunningRules.IsPaused(Day0, null));
    }
}

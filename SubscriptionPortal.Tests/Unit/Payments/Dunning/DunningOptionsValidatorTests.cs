using SubscriptionPortal.Payments.Dunning;

namespace SubscriptionPortal.Tests.Unit.Payments.Dunning;

public sealed class DunningOptionsValidatorTests
{
    [Fact]
    public void Validate_TheDefaults_Succeeds()
    {
        Assert.True(new DunningOptionsValidator().Validate(null, new DunningOptions()).Succeeded);
    }

    [Theory]
    [InlineData(new[] { 5, 12 }, 3, 15, 30)]
    [InlineData(new[] { 12, 5 }, 2, 15, 30)]
    [InlineData(new[] { 5, 5 }, 2, 15, 30)]
    [InlineData(new[] { 0, 5 }, 2, 15, 30)]
    [InlineData(new[] { 5, 12 }, -1, 15, 30)]
    [InlineData(new[] { 5, 12 }, 2, 30, 30)]
    [InlineData(new[] { 5, 12 }, 2, 0, 30)]
    public void Validate_AScheduleThatCannotBeFollowed_Fails(int[] days, int maxRetries, int restricted, int suspended)
    {
        var options = new DunningOptions { RetryAfterDays = days, MaxRetries = maxRetries, RestrictedAfterDays = restricted, SuspendedAfterDays = suspended };

        Assert.True(new DunningOptionsValidator().Validate(null, options).Failed);
    }

    [Theory]
    [InlineData(new[] { 1 }, 0, 1, 2, 1)]
    [InlineData(new[] { 1, 2 }, 2, 15, 16, 1)]
    [InlineData(new[] { 3, 4, 30 }, 3, 29, 31, 1440)]
    public void Validate_TheEdgesOfAFollowableSchedule_Succeeds(int[] days, int maxRetries, int restricted, int suspended, int interval)
    {
        var options = new DunningOptions
        {
            RetryAfterDays = days,
            MaxRetries = maxRetries,
            RestrictedAfterDays = restricted,
            SuspendedAfterDays = suspended,
            IntervalMinutes = interval,
        };

        var result = new DunningOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_TooManyRetries_SaysHowManyDaysThereAre()
    {
        var result = new DunningOptionsValidator().Validate(null, new DunningOptions { MaxRetries = 3 });

        Assert.Equal(
            ["Dunning:MaxRetries is 3: it must be between 0 and the number of Dunning:RetryAfterDays (2)."],
            result.Failures);
    }

    [Fact]
    public void Validate_RetryDaysOutOfOrderTwice_SaysSoOnce()
    {
        var result = new DunningOptionsValidator().Validate(null, new DunningOptions { RetryAfterDays = [5, 5, 4], MaxRetries = 3 });

        Assert.Equal(["Dunning:RetryAfterDays must be whole days, at least 1, each later than the one before."], result.Failures);
    }

    [Fact]
    public void Validate_EscalationDaysInTheWrongOrder_NamesBoth()
    {
        var result = new DunningOptionsValidator().Validate(null, new DunningOptions { RestrictedAfterDays = 30, SuspendedAfterDays = 15 });

        Assert.Equal(["Dunning:RestrictedAfterDays (30) must be at least 1 and before Dunning:SuspendedAfterDays (15)."], result.Failures);
    }

    [Fact]
    public void Validate_AJobThatNeverRuns_IsRefused()
    {
        var result = new DunningOptionsValidator().Validate(null, new DunningOptions { IntervalMinutes = 0 });

        Assert.Equal(["Dunning:IntervalMinutes must be at least 1."], result.Failures);
    }
}

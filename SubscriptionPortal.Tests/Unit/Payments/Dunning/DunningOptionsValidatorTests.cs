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
    [InlineData(new[] { 0, 5 }, 2, 15, 30)]
    [InlineData(new[] { 5, 12 }, -1, 15, 30)]
    [InlineData(new[] { 5, 12 }, 2, 30, 30)]
    [InlineData(new[] { 5, 12 }, 2, 0, 30)]
    public void Validate_AScheduleThatCannotBeFollowed_Fails(int[] days, int maxRetries, int restricted, int suspended)
    {
        var options = new DunningOptions { RetryAfterDays = days, MaxRetries = maxRetries, RestrictedAfterDays = restricted, SuspendedAfterDays = suspended };

        Assert.True(new DunningOptionsValidator().Validate(null, options).Failed);
    }
}

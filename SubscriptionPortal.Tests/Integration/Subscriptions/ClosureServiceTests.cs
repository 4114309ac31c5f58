using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Subscriptions;

namespace SubscriptionPortal.Tests.Integration.Subscriptions;

public sealed class ClosureServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly PeriodStart = new(2026, 3, 10);

    [Fact]
    public async Task CloseDue_RunTwice_ClosesThePlatformOnce()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", PeriodStart);
        await database.Get<SubscriptionLifecycle>().CancelAsync(admin);
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 10, 6, 0, 0, TimeSpan.Zero));

        var first = await database.Get<ClosureService>().CloseDueAsync();
        var second = await database.Get<ClosureService>().CloseDueAsync();

        Assert.Equal((1, 0), (first, second));
        await using var db = database.CreateContext();
        var platform = await db.Platforms.SingleAsync(p => p.Id == platformId);
        Assert.Equal(PlatformStatus.Closed, platform.Status);
        Assert.Equal(new DateTime(2026, 4, 10, 6, 0, 0), platform.ClosedAtUtc);
        Assert.Equal(new DateOnly(2026, 4, 10), (await db.Subscriptions.SingleAsync(s => s.PlatformId == platformId)).EndedOn);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.PlatformId == platformId && a.Action == "platform.closed"));
    }

    [Fact]
    public async Task CloseDue_TwoRunsAtOnce_CloseEachPlatformOnce()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        for (var i = 0; i < 6; i++)
        {
            var (_, admin) = await database.PaidPlatformAsync($"Association {i}", PeriodStart);
            await database.Get<SubscriptionLifecycle>().CancelAsync(admin);
        }

        database.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 10, 6, 0, 0, TimeSpan.Zero));

        var runs = await Task.WhenAll(
            Task.Run(() => database.Get<ClosureService>().CloseDueAsync()),
            Task.Run(() => database.Get<ClosureService>().CloseDueAsync()));

        Assert.Equal(6, runs.Sum());
        await using var db = database.CreateContext();
        Assert.Equal(6, await db.AuditEntries.CountAsync(a => a.Action == "platform.closed"));
    }

    [Fact]
    public async Task CloseDue_OnThePeriodsLastDayInParis_DoesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", PeriodStart);
        await database.Get<SubscriptionLifecycle>().CancelAsync(admin);
        // 21:30 UTC on 9 April is 23:30 in Paris: still the last day of the period.
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 9, 21, 30, 0, TimeSpan.Zero));

        Assert.Equal(0, await database.Get<ClosureService>().CloseDueAsync());

        // 22:30 UTC is 00:30 on 10 April in Paris: the subscription has ended.
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 9, 22, 30, 0, TimeSpan.Zero));
        Assert.Equal(1, await database.Get<ClosureService>().CloseDueAsync());
    }

    [Fact]
    public async Task CloseDue_ForAResumedSubscription_ClosesNothingAndItRenews()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", PeriodStart);
        await database.Get<SubscriptionLifecycle>().CancelAsync(admin);
        await database.Get<SubscriptionLifecycle>().ResumeAsync(admin);
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 10, 6, 0, 0, TimeSpan.Zero));

        Assert.Equal(0, await database.Get<ClosureService>().CloseDueAsync());
        Assert.Equal(1, await database.Get<RenewalService>().RenewDueAsync());

        await using var db = database.CreateContext();
        Assert.Equal(PlatformStatus.Active, (await db.Platforms.SingleAsync(p => p.Id == platformId)).Status);
    }
}

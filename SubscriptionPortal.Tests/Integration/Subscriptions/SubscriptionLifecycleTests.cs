using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Common;
using SubscriptionPortal.Subscriptions;

namespace SubscriptionPortal.Tests.Integration.Subscriptions;

public sealed class SubscriptionLifecycleTests
{
    // 2026-03-20 10:00 in Paris; the monthly period runs 10 March – 9 April.
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly PeriodStart = new(2026, 3, 10);

    [Fact]
    public async Task CancelResumeCancel_EachTimeEndsAtThePeriodEndAndIsAudited()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", PeriodStart);
        var lifecycle = database.Get<SubscriptionLifecycle>();

        Assert.True((await lifecycle.CancelAsync(admin)).Succeeded);
        var cancelled = await database.Get<SubscriptionPlanQueries>().GetAsync(admin);
        Assert.True(cancelled!.CancelAtPeriodEnd);
        Assert.Equal((new DateOnly(2026, 4, 9), new DateOnly(2026, 4, 10)), (cancelled.EndDate, cancelled.ClosesOn));
        Assert.Null(cancelled.NextRenewal);

        Assert.True((await lifecycle.ResumeAsync(admin)).Succeeded);
        var resumed = await database.Get<SubscriptionPlanQueries>().GetAsync(admin);
        Assert.False(resumed!.CancelAtPeriodEnd);
        Assert.Equal(new DateOnly(2026, 4, 10), resumed.NextRenewal);

        Assert.True((await lifecycle.CancelAsync(admin)).Succeeded);
        await using var db = database.CreateContext();
        Assert.True((await db.Subscriptions.SingleAsync(s => s.PlatformId == platformId)).CancelAtPeriodEnd);
        Assert.Equal(["subscription.cancelled", "subscription.resumed", "subscription.cancelled"],
            await db.AuditEntries.Where(a => a.PlatformId == platformId && a.Action.StartsWith("subscription.") && a.Action != "subscription.changed")
                .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains("09/04/2026", (await db.AuditEntries.OrderBy(a => a.Id).LastAsync(a => a.PlatformId == platformId)).Details);
    }

    [Fact]
    public async Task Cancel_Twice_RecordsOneCancellation()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", PeriodStart);
        var lifecycle = database.Get<SubscriptionLifecycle>();

        var results = await Task.WhenAll(lifecycle.CancelAsync(admin), lifecycle.CancelAsync(admin));
        var again = await lifecycle.CancelAsync(admin);

        Assert.All(results.Append(again), r => Assert.True(r.Succeeded, r.Message));
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.PlatformId == platformId && a.Action == "subscription.cancelled"));
    }

    [Fact]
    public async Task Cancel_OnAFreePlatform_IsRefusedAndChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.FreePlatformAsync("Vélo");

        var result = await database.Get<SubscriptionLifecycle>().CancelAsync(admin);

        Assert.Equal((CommandStatus.Invalid, SubscriptionLifecycle.FreeMessage), (result.Status, result.Message));
        await using var db = database.CreateContext();
        Assert.False((await db.Subscriptions.SingleAsync(s => s.PlatformId == platformId)).CancelAtPeriodEnd);
    }

    [Fact]
    public async Task Cancelled_AtThePeriodEnd_RenewsNothing()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", PeriodStart);
        await database.Get<SubscriptionLifecycle>().CancelAsync(admin);
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 10, 6, 0, 0, TimeSpan.Zero));

        Assert.Equal(0, await database.Get<RenewalService>().RenewDueAsync());

        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Documents.CountAsync(d => d.PlatformId == platformId && d.Kind == DocumentKind.Invoice));
    }

    [Fact]
    public async Task Resume_AfterTheEndDate_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (_, admin) = await database.PaidPlatformAsync("Chorale", PeriodStart);
        await database.Get<SubscriptionLifecycle>().CancelAsync(admin);
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 10, 6, 0, 0, TimeSpan.Zero));

        var result = await database.Get<SubscriptionLifecycle>().ResumeAsync(admin);

        Assert.Equal((CommandStatus.Invalid, SubscriptionLifecycle.EndedMessage), (result.Status, result.Message));
    }

    [Fact]
    public async Task ChangingOffer_AfterCancelling_RenewsAgain()
    {
        // A paid → paid change re-commits: the new period renews like any other.
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", PeriodStart);
        await database.Get<SubscriptionLifecycle>().CancelAsync(admin);
        var quote = await database.QuoteAsync(admin, new ChangeTarget(Catalog.CatalogSeed.Professional, 250, Commitment.Monthly));

        Assert.IsType<ChangeOutcome.Applied>(await database.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id));

        await using var db = database.CreateContext();
        Assert.False((await db.Subscriptions.SingleAsync(s => s.PlatformId == platformId)).CancelAtPeriodEnd);
    }
}

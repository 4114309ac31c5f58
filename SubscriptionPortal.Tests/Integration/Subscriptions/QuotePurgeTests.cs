using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Subscriptions;

namespace SubscriptionPortal.Tests.Integration.Subscriptions;

public sealed class QuotePurgeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PeriodicLoop_DeletesQuotesExpiredForADay_AndKeepsValidatedAndFreshOnes()
    {
        await using var database = await TestDatabase.CreateAsync(Now, seedDemo: true);
        var serenity = await database.PrincipalAsync("serenity@demo.test");
        var changes = database.Get<SubscriptionChanges>();
        // Views of the choice page: each stores a quote; one is then validated.
        var viewed = Assert.IsType<QuoteOutcome.Quoted>(await changes.QuoteAsync(serenity, new ChangeTarget(CatalogSeed.Professional, 250, Commitment.Monthly)));
        Assert.IsType<QuoteOutcome.Quoted>(await changes.QuoteAsync(serenity, new ChangeTarget(CatalogSeed.Professional, 500, Commitment.Monthly)));
        var validated = Assert.IsType<QuoteOutcome.Quoted>(await changes.QuoteAsync(serenity, new ChangeTarget(CatalogSeed.Professional, 250, Commitment.Annual)));
        Assert.IsType<ChangeOutcome.Applied>(await changes.ValidateAsync(serenity, validated.Quote.Id));
        int before;
        await using (var db = database.CreateContext())
        {
            before = await db.Quotes.CountAsync();
        }

        var job = database.Services.GetServices<IHostedService>().OfType<QuotePurgeHostedService>().Single();
        await job.StartAsync(CancellationToken.None);
        try
        {
            // The run at start finds nothing old enough; a day and an hour later the next tick purges.
            await WaitForQuotesAsync(database, before);
            database.Clock.Advance(QuotePurgeHostedService.Grace + TimeSpan.FromHours(1));

            await WaitForQuotesAsync(database, before - 2);
        }
        finally
        {
            await job.StopAsync(CancellationToken.None);
        }

        await using var check = database.CreateContext();
        var left = await check.Quotes.Select(q => q.Id).ToListAsync();
        Assert.Contains(validated.Quote.Id, left);
        Assert.DoesNotContain(viewed.Quote.Id, left);
    }

    private static async Task WaitForQuotesAsync(TestDatabase database, int expected)
    {
        var count = -1;
        for (var i = 0; i < 100 && count != expected; i++)
        {
            await Task.Delay(50);
            await using var db = database.CreateContext();
            count = await db.Quotes.CountAsync();
        }

        Assert.Equal(expected, count);
    }
}

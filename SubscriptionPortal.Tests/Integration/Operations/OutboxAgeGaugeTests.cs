using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Operations;
using SubscriptionPortal.Subscriptions;

namespace SubscriptionPortal.Tests.Integration.Operations;

/// <summary>The oldest queued email's age as the gauge reads it from the outbox, on each provider (the scrape itself: <see cref="EmailMetricsTests"/>).</summary>
public sealed class OutboxAgeGaugeTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    // The services alone (no web host, no exporter): the gauge as the operations feature registers it. No mail
    // server either: the emails stay in the outbox until the test sends them to the pickup folder.
    public async Task InitializeAsync() =>
        database = await TestDatabase.CreateAsync(configure: services => services.AddMetrics().AddSingleton<OutboxAgeGauge>());

    public Task DisposeAsync() => database.DisposeAsync().AsTask();

    [Fact]
    public async Task OldestQueuedAge_EmailsWaitingThenSent_IsTheOldestOnesAgeOnTheAppClockThenZero()
    {
        Assert.Equal([0], Observe());
        await database.PaidPlatformAsync("Chorale du Marais", new DateOnly(2026, 3, 10));
        database.Clock.Advance(TimeSpan.FromSeconds(30));
        var (_, admin) = await database.PaidPlatformAsync("Club Nautique", new DateOnly(2026, 3, 10));
        var quote = await database.QuoteAsync(admin, new ChangeTarget(CatalogSeed.Professional, 1000, Commitment.Monthly));
        Assert.IsType<ChangeOutcome.Applied>(await database.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id));
        database.Clock.Advance(TimeSpan.FromSeconds(12));

        Assert.Equal([42], Observe());
        await database.Get<SubscriptionPortal.Emails.EmailSender>().SendDueAsync();
        Assert.Equal([0], Observe());
    }

    /// <summary>What the gauge of this database's app reports now, read as a scrape would read it.</summary>
    private List<double>? Observe()
    {
        var gauge = database.Get<OutboxAgeGauge>();
        var seen = Gauges.Observe(database.Get<IMeterFactory>(), "portal.emails.oldest_queued_age");
        GC.KeepAlive(gauge);
        return seen;
    }
}

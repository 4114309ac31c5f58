using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Subscriptions;

namespace SubscriptionPortal.Tests.Integration.Subscriptions;

public sealed class RenewalServiceTests
{
    private static readonly DateOnly Start = new(2026, 3, 10);

    [Fact]
    public async Task RenewDue_RunTwice_IssuesOneInvoiceForTheNextPeriod()
    {
        await using var database = await TestDatabase.CreateAsync(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero));
        var (platformId, _) = await database.PaidPlatformAsync("Chorale", Start);
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 10, 6, 0, 0, TimeSpan.Zero));

        var first = await database.Get<RenewalService>().RenewDueAsync();
        var second = await database.Get<RenewalService>().RenewDueAsync();

        Assert.Equal((1, 0), (first, second));
        await using var db = database.CreateContext();
        var invoices = await db.Documents.Where(d => d.PlatformId == platformId && d.Kind == DocumentKind.Invoice).OrderBy(d => d.Id).ToListAsync();
        Assert.Equal(2, invoices.Count);
        Assert.Equal((new DateOnly(2026, 4, 10), new DateOnly(2026, 5, 10), 4800L), (invoices[1].PeriodStart, invoices[1].PeriodEnd, invoices[1].TotalIncludingVatCents));
        var subscription = await db.Subscriptions.SingleAsync(s => s.PlatformId == platformId);
        Assert.Equal(new BillingPeriod(new DateOnly(2026, 4, 10), new DateOnly(2026, 5, 10)), subscription.CurrentPeriod);
        Assert.Equal(invoices[1].Id, subscription.Plan!.OpeningInvoiceId);
        Assert.Equal(4800, (await db.DirectDebits.SingleAsync(d => d.InvoiceId == invoices[1].Id)).AmountCents);
    }

    [Fact]
    public async Task RenewDue_TwoRunsAtOnce_RenewEachSubscriptionOnce()
    {
        await using var database = await TestDatabase.CreateAsync(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero));
        for (var i = 0; i < 10; i++)
        {
            await database.PaidPlatformAsync($"Association {i}", Start);
        }

        database.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 10, 6, 0, 0, TimeSpan.Zero));

        var runs = await Task.WhenAll(Task.Run(() => database.Get<RenewalService>().RenewDueAsync()), Task.Run(() => database.Get<RenewalService>().RenewDueAsync()));

        Assert.Equal(10, runs.Sum());
        await using var db = database.CreateContext();
        Assert.Equal(10, await db.Documents.CountAsync(d => d.IdempotencyKey.StartsWith("renewal:")));
    }

    [Fact]
    public async Task RenewDue_AfterMissedPeriods_CatchesUpOnePeriodAtATime()
    {
        await using var database = await TestDatabase.CreateAsync(new DateTimeOffset(2026, 1, 31, 9, 0, 0, TimeSpan.Zero));
        var (platformId, _) = await database.PaidPlatformAsync("Chorale", new DateOnly(2026, 1, 31));
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 1, 6, 0, 0, TimeSpan.Zero));

        Assert.Equal(2, await database.Get<RenewalService>().RenewDueAsync());

        await using var db = database.CreateContext();
        var periods = await db.Documents.Where(d => d.PlatformId == platformId).OrderBy(d => d.Id).Select(d => new { d.PeriodStart, d.PeriodEnd }).ToListAsync();
        Assert.Equal(
            [(new DateOnly(2026, 1, 31), new DateOnly(2026, 2, 28)), (new DateOnly(2026, 2, 28), new DateOnly(2026, 3, 31)), (new DateOnly(2026, 3, 31), new DateOnly(2026, 4, 30))],
            periods.Select(p => (p.PeriodStart, p.PeriodEnd)));
    }

    [Fact]
    public async Task RenewDue_WithABalance_AppliesItBeforeDebiting()
    {
        await using var database = await TestDatabase.CreateAsync(new DateTimeOffset(2026, 4, 25, 10, 0, 0, TimeSpan.Zero));
        var (platformId, admin) = await database.PaidPlatformAsync("Club", new DateOnly(2026, 1, 15), CatalogSeed.Professional, 1000, Commitment.Annual);
        var quote = await database.QuoteAsync(admin, new ChangeTarget(CatalogSeed.Serenity, 1000, Commitment.Monthly));
        Assert.IsType<ChangeOutcome.Applied>(await database.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id));
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 25, 6, 0, 0, TimeSpan.Zero));

        Assert.Equal(1, await database.Get<RenewalService>().RenewDueAsync());

        await using var db = database.CreateContext();
        var renewal = await db.Documents.SingleAsync(d => d.PlatformId == platformId && d.IdempotencyKey.StartsWith("renewal:"));
        Assert.Equal((10800L, 10800L, 0L), (renewal.TotalIncludingVatCents, renewal.BalanceAppliedCents, renewal.AmountDueCents));
        Assert.Equal(114658 - 10800, (await db.Platforms.SingleAsync(p => p.Id == platformId)).BalanceCents);
        Assert.False(await db.DirectDebits.AnyAsync(d => d.InvoiceId == renewal.Id));
    }

    [Fact]
    public async Task RenewDue_BeforeThePeriodEndsInParis_DoesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero));
        await database.PaidPlatformAsync("Chorale", Start);
        // 21:30 UTC on 9 April is 23:30 in Paris: still the period's last day.
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 9, 21, 30, 0, TimeSpan.Zero));

        Assert.Equal(0, await database.Get<RenewalService>().RenewDueAsync());

        // 22:30 UTC is 00:30 on 10 April in Paris: the renewal is due.
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 9, 22, 30, 0, TimeSpan.Zero));
        Assert.Equal(1, await database.Get<RenewalService>().RenewDueAsync());
    }
}

using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Subscriptions;
using Xunit.Abstractions;

namespace SubscriptionPortal.Tests.Integration.MultiInstance;

/// <summary>Both instances' renewal jobs running at the same moment over the same due subscriptions.</summary>
[Trait("Category", PostgresOnly.Category)]
public sealed class TwoInstanceRenewalTests(ITestOutputHelper output) : TwoInstanceTest(output, RenewalTime)
{
    private const int Due = 1000;

    // Annual periods opened on 10 April 2025 end on 10 April 2026; 08:00 in Paris that day.
    private static readonly DateOnly Opened = new(2025, 4, 10);
    private static readonly DateOnly RenewsOn = new(2026, 4, 10);
    private static readonly DateTimeOffset RenewalTime = new(2026, 4, 10, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task BothInstancesRenewalJobsTogether_RenewEachOfAThousandDueSubscriptionsExactlyOnce()
    {
        await SeedDueSubscriptionsAsync();

        var clock = Stopwatch.StartNew();
        var runs = await Task.WhenAll(
            Task.Run(() => A.Get<RenewalService>().RenewDueAsync()),
            Task.Run(() => B.Get<RenewalService>().RenewDueAsync()));
        Output.WriteLine($"{Due} renewals by two instances in {clock.ElapsedMilliseconds} ms: {runs[0]} by A, {runs[1]} by B.");

        Assert.Equal(Due, runs.Sum());
        // The claims split the work: neither instance waited for the other to finish everything.
        Assert.All(runs, issued => Assert.True(issued > 0, $"One instance renewed nothing: {runs[0]} by A, {runs[1]} by B."));
        await using var db = A.CreateContext();
        var renewals = await db.Documents.Where(d => d.IdempotencyKey.StartsWith("renewal:"))
            .Select(d => new { d.SubscriptionId, d.Number, d.PeriodStart, d.PeriodEnd }).ToListAsync();
        Assert.Equal(Due, renewals.Select(r => r.SubscriptionId).Distinct().Count());
        Assert.All(renewals, r => Assert.Equal((RenewsOn, RenewsOn.AddYears(1)), (r.PeriodStart, r.PeriodEnd)));
        Assert.Equal(Enumerable.Range(1, Due).Select(n => $"F-2026-{n:D6}"), renewals.Select(r => r.Number).Order());
        Assert.Equal(Due, await db.Subscriptions.CountAsync(s => s.Plan!.PeriodStart == RenewsOn && s.Plan.PeriodEnd == RenewsOn.AddYears(1)));
        Assert.Equal(Due, await db.DirectDebits.CountAsync(d => d.CollectionDate == RenewsOn.AddDays(3)));
    }

    /// <summary>
    /// A thousand platforms on Serenity 250, annual, whose period ends today, each with a mandate and
    /// the 2025 invoice that opened its period. Written directly, in a few batches: going through the
    /// change engine a thousand times would make this the slowest test by far, and the renewal reads
    /// only the subscription, the platform and the mandate.
    /// </summary>
    private async Task SeedDueSubscriptionsAsync()
    {
        var openedAt = new DateTimeOffset(2025, 4, 10, 8, 0, 0, TimeSpan.Zero).UtcDateTime;
        await using var db = A.CreateContext();
        await using var tx = await db.Database.BeginTransactionAsync();
        var platforms = Enumerable.Range(1, Due).Select(i => new Platform($"Association {i:D4}", $"treasurer{i}@test.example", openedAt)).ToList();
        db.Platforms.AddRange(platforms);
        await db.SaveChangesAsync();

        var subscriptions = platforms.Select(p => Subscription.StartFree(p.Id, CatalogSeed.Liberty)).ToList();
        db.Subscriptions.AddRange(subscriptions);
        db.Mandates.AddRange(platforms.Select(p => new SepaMandate(p.Id, p.Name, BillingWorld.TestIban, $"TEST-{p.Id}", new DateOnly(2025, 1, 1), openedAt)));
        await db.SaveChangesAsync();

        var period = new BillingPeriod(Opened, RenewsOn);
        var invoices = new List<BillingDocument>();
        foreach (var (platform, subscription) in platforms.Zip(subscriptions))
        {
            var number = await DocumentNumbering.NextAsync(db, DocumentKind.Invoice, Opened.Year);
            var invoice = new BillingDocument(DocumentKind.Invoice, number, platform.Id, subscription.Id, $"seed:{subscription.Id}", Opened, openedAt,
                period.Start, period.End, platform.Name, "", null, 38400, 2000, 7680, 0, 46080, null, null,
                [new DocumentLine(1, "Serenity, 250 contacts, annual", period.Start, period.End, 1, 38400, 38400)]);
            invoice.AttachPdf("%PDF-1.7 opening invoice, never downloaded in this test"u8.ToArray());
            invoices.Add(invoice);
        }

        db.Documents.AddRange(invoices);
        await db.SaveChangesAsync();
        foreach (var (subscription, invoice) in subscriptions.Zip(invoices))
        {
            subscription.ChangeTo(CatalogSeed.Serenity, 250, Commitment.Annual, period, invoice.Id);
        }

        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }
}

using System.Diagnostics;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Subscriptions;
using Xunit.Abstractions;

namespace SubscriptionPortal.Tests.Integration.MultiInstance;

/// <summary>Two app instances on one PostgreSQL database, validating changes at the same time.</summary>
[Trait("Category", PostgresOnly.Category)]
public sealed class TwoInstanceChangesTests(ITestOutputHelper output) : TwoInstanceTest(output, Now)
{
    // 2026-03-20 10:00 in Paris, ten days into the platforms' monthly periods.
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly PeriodStart = new(2026, 3, 10);
    private static readonly ChangeTarget ToProfessional = new(CatalogSeed.Professional, 250, Commitment.Monthly);

    [Fact]
    public async Task HundredChangesSpreadOverBothInstances_AreNumberedWithoutGapsOrDuplicates()
    {
        var platforms = await PaidPlatformsAsync(100);
        var quotes = new List<(ClaimsPrincipal Admin, Guid QuoteId)>();
        foreach (var (i, (_, admin)) in platforms.Index())
        {
            quotes.Add((admin, (await InstanceFor(i).QuoteAsync(admin, ToProfessional)).Id));
        }

        var clock = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(quotes.Select((q, i) =>
            Task.Run(() => InstanceFor(i).Get<SubscriptionChanges>().ValidateAsync(q.Admin, q.QuoteId))));
        Output.WriteLine($"100 changes validated over two instances in {clock.ElapsedMilliseconds} ms.");

        Assert.All(outcomes, o => Assert.False(Assert.IsType<ChangeOutcome.Applied>(o).Replayed));
        await using var db = A.CreateContext();
        // 100 invoices opened the platforms' periods, 100 more came with the changes.
        var invoiceNumbers = await db.Documents.Where(d => d.Kind == DocumentKind.Invoice).Select(d => d.Number).ToListAsync();
        var creditNumbers = await db.Documents.Where(d => d.Kind == DocumentKind.CreditNote).Select(d => d.Number).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 200).Select(n => $"F-2026-{n:D6}"), invoiceNumbers.Order());
        Assert.Equal(Enumerable.Range(1, 100).Select(n => $"A-2026-{n:D6}"), creditNumbers.Order());
        Assert.Equal((200, 100), (await A.CounterAsync("F", 2026), await A.CounterAsync("A", 2026)));
        Assert.Equal(100, await db.Subscriptions.CountAsync(s => s.OfferCode == CatalogSeed.Professional));
    }

    [Fact]
    public async Task SameQuoteValidatedOnBothInstancesAtOnce_IssuesOneSetOfDocuments()
    {
        var platforms = await PaidPlatformsAsync(20);
        var quotes = new List<(ClaimsPrincipal Admin, Guid QuoteId)>();
        foreach (var (_, admin) in platforms)
        {
            quotes.Add((admin, (await A.QuoteAsync(admin, ToProfessional)).Id));
        }

        // Each quote twice on each instance: a double click reaching A and a retry reaching B, both at once.
        var attempts = quotes.SelectMany(q => new[] { A, B, A, B }.Select(instance => (q.QuoteId, Task: Task.Run(() =>
            instance.Get<SubscriptionChanges>().ValidateAsync(q.Admin, q.QuoteId))))).ToList();
        await Task.WhenAll(attempts.Select(x => x.Task));

        foreach (var perQuote in attempts.GroupBy(x => x.QuoteId))
        {
            var applied = perQuote.Select(x => Assert.IsType<ChangeOutcome.Applied>(x.Task.Result)).ToList();
            Assert.Single(applied, x => !x.Replayed);
            Assert.Single(applied.Select(x => (x.InvoiceNumber, x.CreditNoteNumber, x.DirectDebitId)).Distinct());
        }

        await using var db = A.CreateContext();
        foreach (var (platformId, _) in platforms)
        {
            Assert.Equal(2, await db.Documents.CountAsync(d => d.PlatformId == platformId && d.Kind == DocumentKind.Invoice));
            Assert.Equal(1, await db.Documents.CountAsync(d => d.PlatformId == platformId && d.Kind == DocumentKind.CreditNote));
            Assert.Equal(2, await db.DirectDebits.CountAsync(d => d.PlatformId == platformId));
        }

        // The attempts that lost gave their numbers back.
        Assert.Equal((40, 20), (await A.CounterAsync("F", 2026), await A.CounterAsync("A", 2026)));
    }

    private TestDatabase InstanceFor(int index) => index % 2 == 0 ? A : B;

    /// <summary>Paid platforms started through the engine, a few at a time on each instance.</summary>
    private async Task<List<(int PlatformId, ClaimsPrincipal Admin)>> PaidPlatformsAsync(int count)
    {
        var platforms = new (int, ClaimsPrincipal)[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            platforms[i] = await InstanceFor(i).PaidPlatformAsync($"Association {i:D3}", PeriodStart));
        return [.. platforms];
    }
}

using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Support;
using Xunit.Abstractions;

namespace SubscriptionPortal.Tests.Integration.MultiInstance;

/// <summary>The closure and direct-debit jobs of both instances running at the same moment over the same work.</summary>
[Trait("Category", PostgresOnly.Category)]
public sealed class TwoInstanceJobsTests(ITestOutputHelper output) : TwoInstanceTest(output, Now)
{
    private const int Platforms = 40;

    private static readonly DateTimeOffset Now = new(2026, 3, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly PeriodStart = new(2026, 3, 10);

    [Fact]
    public async Task BothInstancesClosureJobsTogether_CloseEachEndedPlatformExactlyOnce()
    {
        var platformIds = new List<int>();
        for (var i = 0; i < Platforms; i++)
        {
            var (platformId, admin) = await A.PaidPlatformAsync($"Association {i:D2}", PeriodStart);
            Assert.True((await A.Get<SubscriptionLifecycle>().CancelAsync(admin)).Succeeded);
            platformIds.Add(platformId);
        }

        // The monthly periods end on 10 April; 08:00 in Paris that day.
        A.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 10, 6, 0, 0, TimeSpan.Zero));
        var runs = await Task.WhenAll(
            Task.Run(() => A.Get<ClosureService>().CloseDueAsync()),
            Task.Run(() => B.Get<ClosureService>().CloseDueAsync()));
        Output.WriteLine($"{Platforms} closures by two instances: {runs[0]} by A, {runs[1]} by B.");

        Assert.Equal(Platforms, runs.Sum());
        await using var db = A.CreateContext();
        Assert.Equal(Platforms, await db.Platforms.CountAsync(p => platformIds.Contains(p.Id) && p.Status == PlatformStatus.Closed));
        var closures = await db.AuditEntries.Where(e => e.Action == "platform.closed").Select(e => e.PlatformId).ToListAsync();
        Assert.Equal(platformIds.Order(), closures.Order().Cast<int>());
    }

    [Fact]
    public async Task BothInstancesSubmittingTogether_PutEachDebitInOneFile_AndSendEachMandatesFirstDebitAloneAsFrst()
    {
        for (var i = 0; i < Platforms; i++)
        {
            // Two debits each: the invoice that opened the period, then an upgrade's.
            var (platformId, admin) = await A.PaidPlatformAsync($"Association {i:D2}", PeriodStart);
            Assert.IsType<ChangeOutcome.Applied>(await A.Get<SubscriptionChanges>().ApplyAsync(
                platformId, new ChangeTarget(CatalogSeed.Professional, 250, Commitment.Monthly), PeriodStart.AddDays(5), Actor.From(admin)));
        }

        var clock = Stopwatch.StartNew();
        var files = await Task.WhenAll(
            Task.Run(() => A.Get<DirectDebitSubmission>().SubmitDueAsync()),
            Task.Run(() => B.Get<DirectDebitSubmission>().SubmitDueAsync()));
        Output.WriteLine($"{2 * Platforms} debits submitted by two instances in {clock.ElapsedMilliseconds} ms: "
            + string.Join(", ", files.Select(f => f is null ? "no file" : $"{f.MessageId} with {f.DebitCount}")));

        await using var db = A.CreateContext();
        var debits = await db.DirectDebits.AsNoTracking().ToListAsync();
        Assert.Equal(2 * Platforms, debits.Count);
        Assert.All(debits, d => Assert.Equal(DirectDebitStatus.Submitted, d.Status));
        var stored = await db.DirectDebitFiles.AsNoTracking().ToListAsync();
        Assert.Equal(files.Count(f => f is not null), stored.Count);
        Assert.Equal(2 * Platforms, stored.Sum(f => f.TransactionCount));
        foreach (var file in stored)
        {
            var own = debits.Where(d => d.FileId == file.Id).ToList();
            Assert.Equal((file.TransactionCount, file.ControlSumCents), (own.Count, own.Sum(d => d.AmountCents)));
        }

        // Each platform's first debit under its mandate is the only one sent as FRST, whichever instance sent it.
        Assert.All(debits.GroupBy(d => d.MandateId), mandate =>
            Assert.Equal(mandate.Min(d => d.Id), Assert.Single(mandate, d => d.SequenceCode == DirectDebit.First).Id));

        // Each debit's end-to-end id (its invoice number) is in one file's XML, and only one.
        var invoiceNumbers = await db.Documents.Where(d => debits.Select(x => x.InvoiceId).Contains(d.Id)).Select(d => d.Number).ToListAsync();
        var xml = stored.Select(f => Encoding.UTF8.GetString(f.Content)).ToList();
        Assert.All(invoiceNumbers, number => Assert.Single(xml, x => x.Contains($"<EndToEndId>{number}</EndToEndId>", StringComparison.Ordinal)));
    }
}

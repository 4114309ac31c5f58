using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Payments.Dunning;
using SubscriptionPortal.Support;
using SubscriptionPortal.Tests.Integration.Payments;
using Xunit.Abstractions;

namespace SubscriptionPortal.Tests.Integration.MultiInstance;

/// <summary>The dunning jobs of both instances running at the same moment over the same overdue platforms.</summary>
[Trait("Category", PostgresOnly.Category)]
public sealed class TwoInstanceDunningTests(ITestOutputHelper output) : TwoInstanceTest(output, Now)
{
    private const int Platforms = 200;

    private static readonly DateTimeOffset Now = new(2026, 3, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day0 = new(2026, 3, 20);

    [Fact]
    public async Task BothInstancesDunningTogether_PresentEachFailedDebitAgainExactlyOnce_AndRecordEachStateOnce()
    {
        var setup = Stopwatch.StartNew();
        var platformIds = new List<int>();
        for (var i = 0; i < Platforms; i++)
        {
            platformIds.Add((await A.PaidPlatformAsync($"Association {i:D3}", Day0)).PlatformId);
        }

        // One file for all, and the bank's return file refusing every debit for insufficient funds.
        var file = (await A.Get<DirectDebitSubmission>().SubmitDueAsync())!;
        List<string> numbers;
        await using (var db = A.CreateContext())
        {
            numbers = await db.DirectDebits.Where(d => d.FileId == file.FileId)
                .Select(d => db.Documents.Where(x => x.Id == d.InvoiceId).Select(x => x.Number).Single()).ToListAsync();
        }

        var import = await A.Get<DirectDebitDesk>().ImportReturnFileAsync(DirectDebitWorld.Agent,
            DirectDebitWorld.ReturnFile(file.MessageId, [.. numbers.Select(n => (n, "RJCT", (string?)"AM04"))]));
        Assert.Equal(Platforms, import.Failed);
        Output.WriteLine($"{Platforms} overdue platforms prepared in {setup.ElapsedMilliseconds} ms.");

        // Day 5: both instances run the job at once, twice each.
        A.Clock.SetUtcNow(new DateTimeOffset(Day0.AddDays(5).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        var clock = Stopwatch.StartNew();
        var runs = await Task.WhenAll(
            Task.Run(() => A.Get<DunningJob>().RunAsync()),
            Task.Run(() => B.Get<DunningJob>().RunAsync()));
        var elapsed = clock.ElapsedMilliseconds;
        var again = await Task.WhenAll(
            Task.Run(() => A.Get<DunningJob>().RunAsync()),
            Task.Run(() => B.Get<DunningJob>().RunAsync()));
        Output.WriteLine($"{Platforms} retries by two instances in {elapsed} ms: {runs[0].Retries} by A, {runs[1].Retries} by B; then {again.Sum(r => r.Retries)}.");

        Assert.Equal(Platforms, runs.Sum(r => r.Retries));
        Assert.Equal(0, again.Sum(r => r.Retries));
        Assert.Equal(Platforms, runs.Sum(r => r.Transitions.Count));
        await using (var db = A.CreateContext())
        {
            var debits = await db.DirectDebits.AsNoTracking().Where(d => platformIds.Contains(d.PlatformId)).ToListAsync();
            var retries = debits.Where(d => d.RetryOfDebitId is not null).ToList();
            Assert.Equal(Platforms, retries.Count);
            Assert.Equal(debits.Where(d => d.Status == DirectDebitStatus.Failed).Select(d => d.Id).Order(), retries.Select(r => r.RetryOfDebitId!.Value).Order());
            Assert.All(retries, r => Assert.Equal(DirectDebitStatus.Scheduled, r.Status));
            var retried = await db.AuditEntries.Where(a => a.Action == AuditActions.DebitRetriedAutomatically).Select(a => a.PlatformId!.Value).ToListAsync();
            Assert.Equal(platformIds.Order(), retried.Order());
            var states = await db.AuditEntries.Where(a => a.Action == AuditActions.OverdueStateChanged).Select(a => a.PlatformId!.Value).ToListAsync();
            Assert.Equal(platformIds.Order(), states.Order());
        }

        // The retries then leave in the next files, each in exactly one, whichever instance submits.
        var files = await Task.WhenAll(
            Task.Run(() => A.Get<DirectDebitSubmission>().SubmitDueAsync()),
            Task.Run(() => B.Get<DirectDebitSubmission>().SubmitDueAsync()));
        await using (var db = A.CreateContext())
        {
            var stored = await db.DirectDebitFiles.AsNoTracking().Where(f => f.Id != file.FileId).ToListAsync();
            Assert.Equal(Platforms, stored.Sum(f => f.TransactionCount));
            var xml = stored.Select(f => Encoding.UTF8.GetString(f.Content)).ToList();
            Assert.All(numbers, number => Assert.Single(xml, x => x.Contains($"<EndToEndId>{number}</EndToEndId>", StringComparison.Ordinal)));
            Assert.Equal(0, await db.DirectDebits.CountAsync(d => d.Status == DirectDebitStatus.Scheduled));
        }

        Output.WriteLine($"Retries submitted in {files.Count(f => f is not null)} files.");
    }
}

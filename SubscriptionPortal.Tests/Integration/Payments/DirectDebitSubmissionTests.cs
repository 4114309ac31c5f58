using System.Globalization;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Tests.Unit.Payments.Sepa;

namespace SubscriptionPortal.Tests.Integration.Payments;

public sealed class DirectDebitSubmissionTests
{
    // Friday 20 March 2026, 10:00 in Paris: files sent today are collected on Monday 23 at the soonest.
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 20);
    private static readonly XNamespace Ns = Pain008Schema.Ns;

    [Fact]
    public async Task SubmitDue_WritesASchemaValidFileWhoseCountsAndControlSumsEqualTheDebits()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        await database.PaidPlatformAsync("Chorale du Marais", Today);
        await database.PaidPlatformAsync("Club Nautique", Today, CatalogSeed.Professional, 1000, Commitment.Annual);
        await database.PaidPlatformAsync("Société de Pétanque", Today.AddDays(-1), CatalogSeed.Serenity, 50);

        var submitted = await database.Get<DirectDebitSubmission>().SubmitDueAsync();

        await using var db = database.CreateContext();
        var file = await db.DirectDebitFiles.SingleAsync();
        var debits = await db.DirectDebits.Where(d => d.FileId == file.Id).ToListAsync();
        var numbers = await db.Documents.ToDictionaryAsync(d => d.Id, d => d.Number);
        var mandates = await db.Mandates.ToDictionaryAsync(m => m.Id);
        var document = Pain008Schema.Validated(file.Content);

        Assert.Equal((file.Id, file.MessageId, 3, 48.00m + 1728.00m + 24.00m), (submitted!.FileId, submitted.MessageId, submitted.DebitCount, submitted.ControlSum));
        var header = document.Descendants(Ns + "GrpHdr").Single();
        Assert.Equal(file.MessageId, header.Element(Ns + "MsgId")!.Value);
        Assert.Equal("3", header.Element(Ns + "NbOfTxs")!.Value);
        Assert.Equal(Amount(debits.Sum(d => d.AmountCents)), header.Element(Ns + "CtrlSum")!.Value);
        foreach (var block in document.Descendants(Ns + "PmtInf"))
        {
            var ids = block.Descendants(Ns + "EndToEndId").Select(e => e.Value).ToList();
            var blockDebits = debits.Where(d => ids.Contains(numbers[d.InvoiceId])).ToList();
            Assert.Equal(ids.Count, blockDebits.Count);
            Assert.Equal(Amount(blockDebits.Sum(d => d.AmountCents)), block.Element(Ns + "CtrlSum")!.Value);
            Assert.Equal(ids.Count.ToString(CultureInfo.InvariantCulture), block.Element(Ns + "NbOfTxs")!.Value);
            Assert.Equal("FR72ZZZ123456", block.Element(Ns + "CdtrSchmeId")!.Descendants(Ns + "Id").Last().Value);
            Assert.Equal("FR7630004008280001023456750", block.Element(Ns + "CdtrAcct")!.Descendants(Ns + "IBAN").Single().Value);
        }

        foreach (var debit in debits)
        {
            var tx = document.Descendants(Ns + "DrctDbtTxInf").Single(t => t.Descendants(Ns + "EndToEndId").Single().Value == numbers[debit.InvoiceId]);
            Assert.Equal(Amount(debit.AmountCents), tx.Element(Ns + "InstdAmt")!.Value);
            Assert.Equal(mandates[debit.MandateId].Reference, tx.Descendants(Ns + "MndtId").Single().Value);
            Assert.Equal(mandates[debit.MandateId].SignedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), tx.Descendants(Ns + "DtOfSgntr").Single().Value);
            Assert.Equal("FRST", tx.Parent!.Descendants(Ns + "SeqTp").Single().Value);
            Assert.Equal((DirectDebitStatus.Submitted, DirectDebit.First, new DateOnly(2026, 3, 23)), (debit.Status, debit.SequenceCode, debit.CollectionDate));
            Assert.Equal("2026-03-23", tx.Parent!.Element(Ns + "ReqdColltnDt")!.Value);
        }

        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.Action == "debit.submitted" && a.Details.Contains(file.MessageId)));
    }

    [Fact]
    public async Task SubmitDue_RunTwice_SubmitsEachDebitOnce()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        await database.PaidPlatformAsync("Chorale", Today);

        var first = await database.Get<DirectDebitSubmission>().SubmitDueAsync();
        var second = await database.Get<DirectDebitSubmission>().SubmitDueAsync();

        Assert.NotNull(first);
        Assert.Null(second);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.DirectDebitFiles.CountAsync());
    }

    [Fact]
    public async Task SubmitDue_TwoRunsAtOnce_PutEachDebitInOneFileOnly()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        for (var i = 0; i < 8; i++)
        {
            await database.PaidPlatformAsync($"Association {i}", Today);
        }

        var runs = await Task.WhenAll(
            Task.Run(() => database.Get<DirectDebitSubmission>().SubmitDueAsync()),
            Task.Run(() => database.Get<DirectDebitSubmission>().SubmitDueAsync()));

        Assert.Equal(8, runs.Sum(r => r?.DebitCount ?? 0));
        await using var db = database.CreateContext();
        var endToEndIds = (await db.DirectDebitFiles.Select(f => f.Content).ToListAsync())
            .SelectMany(bytes => Pain008Schema.Validated(bytes).Descendants(Ns + "EndToEndId").Select(e => e.Value))
            .ToList();
        Assert.Equal(8, endToEndIds.Count);
        Assert.Equal(8, endToEndIds.Distinct().Count());
    }

    [Fact]
    public async Task SecondDebitOfAMandate_GoesOutAsRcur()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, _) = await database.PaidPlatformAsync("Chorale", Today);
        await database.Get<DirectDebitSubmission>().SubmitDueAsync();
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 20, 6, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await database.Get<RenewalService>().RenewDueAsync());

        var second = await database.Get<DirectDebitSubmission>().SubmitDueAsync();

        await using var db = database.CreateContext();
        var file = await db.DirectDebitFiles.SingleAsync(f => f.Id == second!.FileId);
        Assert.Equal("RCUR", Pain008Schema.Validated(file.Content).Descendants(Ns + "SeqTp").Single().Value);
        Assert.Equal(DirectDebit.Recurring, (await database.DebitOfAsync(platformId)).SequenceCode);
        Assert.NotEqual((await db.DirectDebitFiles.FirstAsync()).MessageId, file.MessageId);
    }

    [Fact]
    public async Task ScheduledDebit_WhoseMandateWasReplaced_GoesOutUnderTheNewMandateAsFrst()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", Today);
        var signed = await database.Get<MandateService>().SignAsync(admin,
            new MandateForm { AccountHolder = "Chorale", Iban = "FR1420041010050500013M02606", Authorised = true });
        Assert.True(signed.Succeeded);

        var submitted = await database.Get<DirectDebitSubmission>().SubmitDueAsync();

        await using var db = database.CreateContext();
        var active = await db.Mandates.SingleAsync(m => m.PlatformId == platformId && m.RevokedAtUtc == null);
        var xml = Pain008Schema.Validated((await db.DirectDebitFiles.SingleAsync(f => f.Id == submitted!.FileId)).Content);
        Assert.Equal(active.Id, (await database.DebitOfAsync(platformId)).MandateId);
        Assert.Equal(active.Reference, xml.Descendants(Ns + "MndtId").Single().Value);
        Assert.Equal("FR1420041010050500013M02606", xml.Descendants(Ns + "DbtrAcct").Single().Descendants(Ns + "IBAN").Single().Value);
        Assert.Equal("FRST", xml.Descendants(Ns + "SeqTp").Single().Value);
    }

    private static string Amount(long cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}

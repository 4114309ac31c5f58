using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Platforms.Export;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Support;
using SubscriptionPortal.Tests.Unit.Platforms;

namespace SubscriptionPortal.Tests.Integration.Platforms;

public sealed class PlatformExportTests
{
    [Fact]
    public async Task ExportOfADemoPlatform_ContainsEveryStoredDocumentByteForByteAndItsData()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        var admin = await database.PrincipalAsync("serenity@demo.test");
        // An upgrade adds a credit note and a second invoice to the demo's opening invoice.
        var quote = await database.QuoteAsync(admin, new ChangeTarget(CatalogSeed.Professional, 250, Commitment.Monthly));
        Assert.IsType<ChangeOutcome.Applied>(await database.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id));
        var export = database.Get<PlatformExport>();
        var summary = await export.GetSummaryAsync(admin);
        var output = new AsyncOnlyStream();

        await export.WriteAsync(summary!, Actor.From(admin), output, null);

        using var zip = new ZipArchive(new MemoryStream(output.Written.ToArray()), ZipArchiveMode.Read);
        await using var db = database.CreateContext();
        var documents = await db.Documents.Where(d => d.PlatformId == summary!.PlatformId).ToListAsync();
        Assert.Equal((180, 2, 1), (summary!.Contacts, summary.Invoices, summary.CreditNotes));
        Assert.Equal(3, documents.Count);
        foreach (var document in documents)
        {
            var folder = document.Kind == DocumentKind.Invoice ? "invoices" : "credit-notes";
            var entry = zip.GetEntry($"{folder}/{document.Number}.pdf");
            Assert.NotNull(entry);
            Assert.Equal(document.Pdf, await ReadAsync(entry));
        }

        var expectedEntries = documents.Select(d => $"{(d.Kind == DocumentKind.Invoice ? "invoices" : "credit-notes")}/{d.Number}.pdf")
            .Concat(["contacts.csv", "subscription-history.csv", "platform.json"]).Order();
        Assert.Equal(expectedEntries, zip.Entries.Select(e => e.FullName).Order());

        var contacts = Lines(await ReadAsync(zip.GetEntry("contacts.csv")!));
        Assert.Equal("id,first_name,last_name,email,archived,created_at_utc", contacts[0]);
        Assert.Equal(181, contacts.Length);
        var firstContact = await db.Contacts.Where(c => c.PlatformId == summary.PlatformId).OrderBy(c => c.Id).FirstAsync();
        Assert.StartsWith($"{firstContact.Id},{firstContact.FirstName},{firstContact.LastName},{firstContact.Email},false,", contacts[1]);

        var history = Lines(await ReadAsync(zip.GetEntry("subscription-history.csv")!));
        Assert.Equal("at_utc,event,details,actor,on_behalf_of", history[0]);
        Assert.Contains(history, l => l.Contains("platform.created") || l.Contains("subscription.changed"));
        Assert.Equal(2, history.Count(l => l.Contains(",subscription.changed,", StringComparison.Ordinal)));

        using var json = JsonDocument.Parse(await ReadAsync(zip.GetEntry("platform.json")!));
        Assert.Equal("Chorale du Marais", json.RootElement.GetProperty("platform").GetProperty("name").GetString());
        Assert.Equal("professional", json.RootElement.GetProperty("subscription").GetProperty("offerCode").GetString());
        Assert.Contains("•", json.RootElement.GetProperty("mandate").GetProperty("iban").GetString());
        Assert.Single(await db.AuditEntries.Where(a => a.PlatformId == summary.PlatformId && a.Action == "data.exported").ToListAsync());
    }

    [Fact]
    public async Task ExportOfADocumentWhoseBytesChanged_StopsInsteadOfServingThem()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (platformId, admin) = await database.PaidPlatformAsync("Chorale", new DateOnly(2026, 3, 10));
        await using (var db = database.CreateContext())
        {
            byte[] altered = [.. "%PDF-tord"u8];
            await db.Documents.Where(d => d.PlatformId == platformId).ExecuteUpdateAsync(set => set.SetProperty(d => d.Pdf, altered));
        }

        var summary = await database.Get<PlatformExport>().GetSummaryAsync(admin);
        var progress = new LatestProgress();

        await Assert.ThrowsAsync<InvalidDataException>(() =>
            database.Get<PlatformExport>().WriteAsync(summary!, Actor.From(admin), new AsyncOnlyStream(), progress));
        Assert.True(progress.Last!.Failed);
    }

    [Fact]
    public async Task Progress_GoesFromZeroToEveryItemAndFinishes()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (_, admin) = await database.PaidPlatformAsync("Chorale", new DateOnly(2026, 3, 10), tier: 2500, contacts: 1200);
        var export = database.Get<PlatformExport>();
        var summary = await export.GetSummaryAsync(admin);
        var id = export.BeginProgress(admin);

        await export.WriteAsync(summary!, Actor.From(admin), new AsyncOnlyStream(keep: false), export.ReporterFor(admin, id));

        Assert.Equal(new ExportProgress(1203, 1203, true, false), export.GetProgress(admin, id));
        var (_, stranger) = await database.FreePlatformAsync("Other");
        Assert.Null(export.GetProgress(stranger, id));
    }

    [Fact]
    public async Task Authorize_AnotherPlatformsExport_IsNotFoundForAnAdminButAllowedForSupport()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        var liberty = await database.PrincipalAsync("liberty@demo.test");
        var support = await database.PrincipalAsync("support@demo.test");
        await using var db = database.CreateContext();
        var chorale = await db.Platforms.SingleAsync(p => p.Name == "Chorale du Marais");

        Assert.Null(await database.Get<PlatformExport>().AuthorizeAsync(liberty, chorale.Id));
        Assert.Null(await database.Get<PlatformExport>().AuthorizeAsync(support, 999_999));
        Assert.Equal("Chorale du Marais", (await database.Get<PlatformExport>().AuthorizeAsync(support, chorale.Id))!.PlatformName);
    }

    private static async Task<byte[]> ReadAsync(ZipArchiveEntry entry)
    {
        await using var stream = entry.Open();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static string[] Lines(byte[] csv) => Encoding.UTF8.GetString(csv).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    private sealed class LatestProgress : IProgress<ExportProgress>
    {
        public ExportProgress? Last { get; private set; }

        public void Report(ExportProgress value) => Last = value;
    }
}

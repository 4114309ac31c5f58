using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SubscriptionPortal.Billing;
using static Microsoft.Playwright.Assertions;

namespace SubscriptionPortal.Tests.E2E.Settings;

public sealed class DataExportTests(BrowserFixture browser) : PortalPageTest(browser)
{
    [Fact]
    public async Task SerenityAdmin_DownloadsTheExportZip_WithTheContactsAndTheStoredInvoice()
    {
        await SignInAsync("serenity@demo.test");
        await NavLink("Data export").ClickAsync();
        await Expect(Page.GetByTestId("export-contacts")).ToContainTextAsync("180 contacts");
        await Expect(Page.GetByTestId("export-invoices")).ToContainTextAsync("1 invoice");
        await Screenshots.SaveAsync(Page, "export-page");

        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Button, new() { Name = "Download the export (ZIP)" }).ClickAsync());

        await Expect(Page.GetByTestId("export-progress")).ToContainTextAsync("Export ready");
        await Screenshots.SaveAsync(Page, "export-done");
        Assert.Matches(@"^chorale-du-marais-data-export-\d{4}-\d{2}-\d{2}\.zip$", download.SuggestedFilename);
        using var zip = ZipFile.OpenRead(await download.PathAsync());
        await using var db = PortalDatabase.Open(Server);
        var platform = await db.Platforms.SingleAsync(p => p.Name == "Chorale du Marais");
        var invoice = await db.Documents.SingleAsync(d => d.PlatformId == platform.Id && d.Kind == DocumentKind.Invoice);
        Assert.Equal(invoice.Pdf, Read(zip.GetEntry($"invoices/{invoice.Number}.pdf")!));
        Assert.Equal(181, Encoding.UTF8.GetString(Read(zip.GetEntry("contacts.csv")!)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("\"name\": \"Chorale du Marais\"", Encoding.UTF8.GetString(Read(zip.GetEntry("platform.json")!)));
        Assert.NotNull(zip.GetEntry("subscription-history.csv"));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.PlatformId == platform.Id && a.Action == "data.exported"));
    }

    [Fact]
    public async Task Admin_StartingAnotherPlatformsExport_GetsNotFound()
    {
        await using var db = PortalDatabase.Open(Server);
        var chorale = await db.Platforms.SingleAsync(p => p.Name == "Chorale du Marais");
        await SignInAsync("liberty@demo.test");
        await NavLink("Data export").ClickAsync();
        var token = await Page.Locator("[data-testid='export-form'] input[name='__RequestVerificationToken']").InputValueAsync();

        var response = await Page.APIRequest.PostAsync($"platforms/{chorale.Id}/export",
            new() { Form = Page.APIRequest.CreateFormData().Set("__RequestVerificationToken", token), MaxRedirects = 0 });

        Assert.Equal(404, response.Status);
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == "data.exported"));
    }

    [Fact]
    public async Task CrossSiteLinkToTheExport_StartsNothing()
    {
        await using var db = PortalDatabase.Open(Server);
        var chorale = await db.Platforms.SingleAsync(p => p.Name == "Chorale du Marais");
        await SignInAsync("serenity@demo.test");

        // What a link or an image on another site makes the signed-in browser send.
        var get = await Page.APIRequest.GetAsync($"platforms/{chorale.Id}/export");
        var post = await Page.APIRequest.PostAsync($"platforms/{chorale.Id}/export", new() { MaxRedirects = 0 });

        Assert.True(get.Status is 404 or 405, $"GET answered {get.Status}");
        Assert.Equal(400, post.Status);
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == "data.exported"));
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

using Microsoft.Playwright;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace SubscriptionPortal.Tests.E2E.Settings;

public sealed class InvoicesTests(BrowserFixture browser) : PortalPageTest(browser)
{
    [Fact]
    public async Task Admin_OpensInvoices_AndDownloadsAPdfThatReadsBack()
    {
        await SignInAsync("serenity@demo.test");
        await NavLink("Invoices").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Invoices", Exact = true })).ToBeVisibleAsync();
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "F-" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("€48.00");
        await Expect(row).ToContainTextAsync("Paid");

        var download = await Page.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Link, new() { Name = "Download PDF" }).ClickAsync());
        var path = await download.PathAsync();

        Assert.Matches(@"^F-\d{4}-\d{6}\.pdf$", download.SuggestedFilename);
        using var pdf = PdfDocument.Open(path);
        var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        Assert.Contains(download.SuggestedFilename[..^4], text);
        Assert.Contains("Chorale du Marais", text);
    }

    [Fact]
    public async Task Admin_RequestingAnotherPlatformsDocument_GetsNotFound()
    {
        await SignInAsync("liberty@demo.test");

        var response = await Page.APIRequest.GetAsync("documents/1/pdf");

        Assert.Equal(404, response.Status);
    }

    [Fact]
    public async Task SignedOutVisitor_RequestingADocument_IsSentToSignIn()
    {
        var response = await Page.GotoAsync("documents/1/pdf");

        Assert.NotNull(response);
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
    }
}

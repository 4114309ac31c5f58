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
    public async Task Admin_InFrench_ReadsTheYearChoiceInFull_AndEachNumberAndDateOnOneLine()
    {
        await Page.SetViewportSizeAsync(1280, 800);
        await SignInAsync("serenity@demo.test");
        await Page.GetByRole(AriaRole.Button, new() { Name = "User menu" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Français", Exact = true }).ClickAsync();
        await WaitForInteractiveAsync();

        await NavLink("Factures").ClickAsync();

        // "Toutes les années" is longer than "All years": the choice once showed "Toutes les ann…".
        var year = Page.GetByRole(AriaRole.Combobox, new() { Name = "Année" });
        await Expect(year).ToHaveTextAsync("Toutes les années");
        Assert.True(await year.EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth"), "The year's choice is cut short.");
        // The number once broke after "F-2026-" and the date before its year, in a table that had room for both.
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "F-" });
        await Expect(row).ToHaveCountAsync(1);
        var cells = row.GetByRole(AriaRole.Cell);
        Assert.Equal(1, await LinesOfTextAsync(cells.Nth(0)));
        Assert.Equal(1, await LinesOfTextAsync(cells.Nth(2)));
    }

    /// <summary>How many lines the element's text takes on screen.</summary>
    private static Task<int> LinesOfTextAsync(ILocator element) =>
        element.EvaluateAsync<int>("""
            e => {
                const range = document.createRange();
                range.selectNodeContents(e);
                return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
            }
            """);

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

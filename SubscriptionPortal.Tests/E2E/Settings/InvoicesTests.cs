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
        var number = (await cells.Nth(0).InnerTextAsync()).Trim();
        var issued = (await cells.Nth(2).InnerTextAsync()).Trim();
        var period = (await cells.Nth(3).InnerTextAsync()).Split('–', StringSplitOptions.TrimEntries);
        Assert.Equal(1, await LinesTakenAsync(cells.Nth(0), number));
        Assert.Equal(1, await LinesTakenAsync(cells.Nth(2), issued));
        // The period may take two lines, but each of its days stays whole.
        Assert.Equal(2, period.Length);
        Assert.Equal(1, await LinesTakenAsync(cells.Nth(3), period[0]));
        Assert.Equal(1, await LinesTakenAsync(cells.Nth(3), period[1]));
    }

    /// <summary>How many lines <paramref name="text"/>, as the element shows it, takes on screen.</summary>
    private static Task<int> LinesTakenAsync(ILocator element, string text) =>
        element.EvaluateAsync<int>("""
            (e, text) => {
                const nodes = [];
                let shown = '';
                const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                    nodes.push({ node: walker.currentNode, from: shown.length });
                    shown += walker.currentNode.data;
                }
                const at = shown.indexOf(text);
                if (at < 0) {
                    throw new Error(`"${text}" is not in "${shown}"`);
                }
                const place = i => {
                    const n = nodes.findLast(n => n.from <= i);
                    return [n.node, i - n.from];
                };
                const range = document.createRange();
                range.setStart(...place(at));
                const [endNode, endOffset] = place(at + text.length - 1);
                range.setEnd(endNode, endOffset + 1);
                return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
            }
            """, text);

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

using Microsoft.Playwright;

namespace SubscriptionPortal.Tests.E2E;

/// <summary>The audit itself: it finds what it is there to find, and passes what is clean, on any new document.</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class AccessibilityAuditTests(BrowserFixture browser) : IAsyncLifetime
{
    private IBrowserContext context = default!;
    private IPage page = default!;

    public async Task InitializeAsync()
    {
        context = await browser.Browser.NewContextAsync();
        page = await context.NewPageAsync();
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task Audit_OfAPageWithAnUnnamedButtonAndFaintText_ReportsBothRulesWithTheirElements()
    {
        await page.SetContentAsync("""
            <html lang="en"><head><title>Faulty</title></head>
            <body><main><h1>Faulty</h1><button id="mute"></button><p id="faint" style="color:#c8c8c8;background:#fff">Barely there</p></main></body></html>
            """);

        var violations = await AccessibilityAudit.AuditAsync(page, "faulty page");

        Assert.Equal(2, violations.Count);
        Assert.Contains(violations, v => v.StartsWith("faulty page: button-name (critical)", StringComparison.Ordinal) && v.Contains("at #mute", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("faulty page: color-contrast (serious)", StringComparison.Ordinal) && v.Contains("at #faint", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Audit_OfACleanPage_OpenedAfterAFaultyOne_ReportsNothing()
    {
        await page.GotoAsync(DataUrl("<html lang=\"en\"><head><title>Faulty</title></head><body><main><button></button></main></body></html>"));
        Assert.Single(await AccessibilityAudit.RunAxeAsync(page));

        // A new document, without the axe-core of the last one until the audit injects it again.
        await page.GotoAsync(DataUrl("""
            <html lang="en"><head><title>Clean</title></head>
            <body><main><h1>Clean</h1><button>Save</button><p style="color:#222;background:#fff">Plain text</p></main></body></html>
            """));
        Assert.False(await page.EvaluateAsync<bool>("() => 'axe' in window"));

        Assert.Empty(await AccessibilityAudit.AuditAsync(page, "clean page"));
    }

    private static string DataUrl(string html) => "data:text/html;charset=utf-8," + Uri.EscapeDataString(html);
}

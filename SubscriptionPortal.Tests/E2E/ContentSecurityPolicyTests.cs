using System.Collections.Concurrent;
using Microsoft.Playwright;
using SubscriptionPortal.Tests.E2E.Settings;
using static Microsoft.Playwright.Assertions;

namespace SubscriptionPortal.Tests.E2E;

/// <summary>The app works under its own Content Security Policy: nothing the browser loads or runs is refused.</summary>
public sealed class ContentSecurityPolicyTests(BrowserFixture browser) : PortalPageTest(browser)
{
    private readonly ConcurrentQueue<string> violations = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // Both ways the browser reports a refusal: the DOM event, and the console line Chromium writes.
        await BrowserContext.ExposeFunctionAsync("reportCspViolation", (string violation) => violations.Enqueue(violation));
        await BrowserContext.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
                window.reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));
            """);
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Enqueue("console: " + message.Text);
            }
        };
    }

    [Fact]
    public async Task ChangeFlow_UnderTheContentSecurityPolicy_RaisesNoViolation()
    {
        var flow = new ChangeFlowPage(Page);
        await SignInAsync("serenity@demo.test");
        var response = await Page.ReloadAsync();
        Assert.Contains("script-src 'self'", (await response!.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
        await WaitForInteractiveAsync();
        // Why style-src keeps 'unsafe-inline': MudBlazor draws with style elements and attributes.
        Assert.True(await Page.EvaluateAsync<int>("() => document.querySelectorAll('style').length + document.querySelectorAll('[style]').length") > 0);

        await flow.OpenOffersAsync();
        await flow.OpenTabAsync("Professional");
        await flow.Choose("Professional").ClickAsync();
        await Expect(flow.Tier(250)).ToBeCheckedAsync();
        await flow.Tier(500).CheckAsync();
        await flow.ValidateAndConfirmAsync();
        await Expect(Page.GetByTestId("plan-offer")).ToHaveTextAsync("Professional");
        await NavLink("Invoices").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Invoices" })).ToBeVisibleAsync();
        await NavLink("Data export").ClickAsync();
        await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Button, new() { Name = "Download the export (ZIP)" }).ClickAsync());
        await Expect(Page.GetByTestId("export-progress")).ToContainTextAsync("Export ready");
        // The user menu's popover and the sign-out form post.
        await Page.GetByRole(AriaRole.Button, new() { Name = "User menu" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        // Signed out, the app sends the browser to the sign-in form: wait for it, and for every file it loads.
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Page.WaitForLoadStateAsync(LoadState.Load);

        Assert.True(violations.IsEmpty, "CSP violations: " + string.Join(" | ", violations));

        // The listener does hear a refusal: an image from another site is one.
        await Page.EvaluateAsync("() => { const i = document.createElement('img'); i.src = 'https://evil.example/x.png'; document.body.append(i); }");
        await Expect(Page.Locator("body")).ToBeVisibleAsync();
        for (var i = 0; i < 50 && violations.IsEmpty; i++)
        {
            await Task.Delay(100);
        }

        Assert.Contains(violations, v => v.Contains("img-src", StringComparison.Ordinal));
    }
}

using Microsoft.Playwright;

namespace SubscriptionPortal.Tests.E2E;

/// <summary>
/// Base of the browser tests: each test runs the app on its own copy of the demo database and drives it in
/// its own browser context, by visible labels and roles.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class PortalPageTest(BrowserFixture browser) : IAsyncLifetime
{
    public const string DemoPassword = "Demo-Portal-2026!";

    protected PortalServer Server { get; private set; } = default!;

    protected IBrowserContext BrowserContext { get; private set; } = default!;

    protected IPage Page { get; private set; } = default!;

    public virtual async Task InitializeAsync()
    {
        Server = new PortalServer();
        BrowserContext = await NewContextAsync();
        Page = await BrowserContext.NewPageAsync();
    }

    private async Task<IBrowserContext> NewContextAsync()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Server.BaseUrl, Locale = "en-GB" });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public virtual async Task DisposeAsync()
    {
        await BrowserContext.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>Signs in through the real form and waits for the interactive app to be live.</summary>
    protected async Task SignInAsync(string email, string password = DemoPassword)
    {
        await Page.GotoAsync("Account/Login");
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Only the navigation's start is awaited: the interactive marker comes after the page's load event anyway,
        // and awaiting both spent the timeout twice on a loaded machine.
        await Page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await WaitForInteractiveAsync();
    }

    /// <summary>
    /// Another person at another browser: the current one is closed (its cookies and its live page with
    /// it) and a fresh one is signed in as <paramref name="email"/>.
    /// </summary>
    protected async Task SignInElsewhereAsync(string email)
    {
        await BrowserContext.DisposeAsync();
        BrowserContext = await NewContextAsync();
        Page = await BrowserContext.NewPageAsync();
        await SignInAsync(email);
    }

    /// <summary>Opens a page of the app and waits until the Blazor circuit answers clicks.</summary>
    protected async Task GotoAsync(string relativeUrl)
    {
        await Page.GotoAsync(relativeUrl);
        await WaitForInteractiveAsync();
    }

    /// <summary>A link of the side navigation, by its exact visible text.</summary>
    protected ILocator NavLink(string name) =>
        Page.Locator(".mud-drawer").GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    protected Task WaitForInteractiveAsync() =>
        Page.Locator("[data-interactive='true']").First.WaitForAsync();
}

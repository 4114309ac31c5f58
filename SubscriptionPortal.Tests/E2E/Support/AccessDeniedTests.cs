using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SubscriptionPortal.Tests.E2E.Support;

public sealed class AccessDeniedTests(BrowserFixture browser) : PortalPageTest(browser)
{
    [Fact]
    public async Task Admin_NavigatingInsideTheAppToSupportPages_IsToldTheyHaveNoAccess_AndTheAppKeepsWorking()
    {
        await SignInAsync("serenity@demo.test");
        var denied = Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "You do not have access to this page." });
        var errorBar = Page.Locator("#blazor-error-ui");

        foreach (var path in new[] { "/support", "/support/debits", "/support/platforms/2" })
        {
            // Blazor's own client-side navigation, as a link inside the app does it: the live circuit renders the page.
            await Page.EvaluateAsync("path => Blazor.navigateTo(path)", path);
            await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path);

            await Expect(denied).ToBeVisibleAsync();
            await Expect(errorBar).ToBeHiddenAsync();
            await Expect(Page.GetByTestId("current-platform")).ToHaveTextAsync("Chorale du Marais");
        }

        await Screenshots.SaveAsync(Page, "access-denied-in-app");
        // The circuit is alive: the menu still works.
        await NavLink("Subscription Plan").ClickAsync();
        await Expect(Page.GetByTestId("plan-offer")).ToHaveTextAsync("Serenity");
        await Expect(errorBar).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Admin_OpeningASupportPageDirectly_IsToldTheyHaveNoAccess()
    {
        await SignInAsync("serenity@demo.test");

        await Page.GotoAsync("support/debits");

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("(/support/debits|/Account/AccessDenied)"));
        await Expect(Page.GetByText("You do not have access", new() { Exact = false }).First).ToBeVisibleAsync();
        await Expect(Page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }
}

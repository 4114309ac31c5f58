using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SubscriptionPortal.Tests.E2E.Layout;

public sealed class NarrowScreenTests(BrowserFixture browser) : PortalPageTest(browser)
{
    [Fact]
    public async Task OnAPhone_TheMenuOpensOverThePage_AndClosesOnceALinkIsFollowed()
    {
        var menu = await SignInOnAPhoneAsync();
        await Expect(menu).ToBeHiddenAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await Expect(NavLink("Subscription Plan")).ToBeInViewportAsync();
        await Screenshots.SaveAsync(Page, "phone-menu");

        await NavLink("Subscription Plan").ClickAsync();

        await Expect(Page.GetByTestId("plan-offer")).ToHaveTextAsync("Serenity");
        await Expect(menu).ToBeHiddenAsync();
    }

    [Fact]
    public async Task OnAPhone_TouchingThePageBesideTheMenu_ClosesIt()
    {
        var menu = await SignInOnAPhoneAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await Expect(menu).ToBeVisibleAsync();
        await Page.Mouse.ClickAsync(350, 400);

        await Expect(menu).ToBeHiddenAsync();
    }

    [Fact]
    public async Task OnAWideScreen_TheMenuStaysBesideThePage_UntilTheButtonHidesIt()
    {
        await Page.SetViewportSizeAsync(1280, 800);
        await SignInAsync("serenity@demo.test");
        var menu = Page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });

        await NavLink("Invoices").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Invoices", Level = 1 })).ToBeVisibleAsync();
        await Expect(menu).ToBeVisibleAsync();
        await Expect(Page.Locator(".mud-main-content")).ToHaveCSSAsync("margin-left", "240px");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await Expect(menu).ToBeHiddenAsync();
        await Expect(Page.Locator(".mud-main-content")).ToHaveCSSAsync("margin-left", "0px");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await Expect(menu).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OnTheAccountPages_TheMenusLinksAreNotUnderlined_AsOnEveryOtherPage()
    {
        // The account pages also load Bootstrap, which underlines every link.
        await Page.SetViewportSizeAsync(1280, 800);
        await SignInAsync("serenity@demo.test");
        await Expect(NavLink("Invoices")).ToHaveCSSAsync("text-decoration-line", "none");

        await Page.GotoAsync("Account/Manage");

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Manage your account" })).ToBeVisibleAsync();
        await Expect(NavLink("Invoices")).ToHaveCSSAsync("text-decoration-line", "none");
        await Expect(NavLink("Dashboard")).ToHaveCSSAsync("text-decoration-line", "none");
    }

    private async Task<ILocator> SignInOnAPhoneAsync()
    {
        await Page.SetViewportSizeAsync(390, 844);
        await SignInAsync("serenity@demo.test");
        return Page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
    }
}

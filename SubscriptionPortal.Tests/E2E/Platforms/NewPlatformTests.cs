using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Tests.E2E.Settings;
using static Microsoft.Playwright.Assertions;

namespace SubscriptionPortal.Tests.E2E.Platforms;

public sealed class NewPlatformTests(BrowserFixture browser) : PortalPageTest(browser)
{
    [Fact]
    public async Task SerenityAdmin_CreatesANewFreePlatformFromTheOffers_ThenSwitchesBetweenBoth()
    {
        var flow = new ChangeFlowPage(Page);
        await SignInAsync("serenity@demo.test");
        await flow.OpenOffersAsync();
        await flow.OpenTabAsync("Liberty");
        await Page.GetByTestId("offer-unavailable").GetByRole(AriaRole.Link, new() { Name = "create a new 100 % free platform" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Create a new free platform" })).ToBeVisibleAsync();
        await Page.GetByLabel("Association name").FillAsync("Chorale des Enfants");
        await Page.GetByLabel("City").FillAsync("Paris");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create the platform" }).DblClickAsync();

        await Expect(Page.GetByTestId("current-platform")).ToHaveTextAsync("Chorale des Enfants");
        await WaitForInteractiveAsync();
        await Expect(Page.GetByTestId("dashboard-offer")).ToHaveTextAsync("Liberty");
        await Expect(Page.GetByTestId("dashboard-contacts")).ToHaveTextAsync("0");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Switch platform" }).ClickAsync();
        await Page.GetByText("Chorale du Marais", new() { Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("current-platform")).ToHaveTextAsync("Chorale du Marais");
        await WaitForInteractiveAsync();
        await Expect(Page.GetByTestId("dashboard-offer")).ToHaveTextAsync("Serenity");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Switch platform" }).ClickAsync();
        await Expect(Page.GetByText("Chorale des Enfants", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Create a new free platform")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(Page, "platform-switcher");

        await using var db = PortalDatabase.Open(Server);
        var created = await db.Platforms.SingleAsync(p => p.Name == "Chorale des Enfants");
        Assert.Equal(CatalogSeed.Liberty, (await db.Subscriptions.SingleAsync(s => s.PlatformId == created.Id)).OfferCode);
        Assert.Equal(1, await db.Memberships.CountAsync(m => m.PlatformId == created.Id));
    }

    [Fact]
    public async Task NewPlatformForm_WithoutAName_SaysWhyAndCreatesNothing()
    {
        await SignInAsync("liberty@demo.test");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Switch platform" }).ClickAsync();
        await Page.GetByText("Create a new free platform").ClickAsync();
        await Page.GetByLabel("Billing email").FillAsync("not-an-email");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Create the platform" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was created");
        await Expect(Page.GetByText("The association's name is required.")).ToBeVisibleAsync();
        await using var db = PortalDatabase.Open(Server);
        Assert.Equal(3, await db.Platforms.CountAsync());
    }
}

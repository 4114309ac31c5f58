using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SubscriptionPortal.Tests.E2E.Account;

public sealed class RegistrationTests(BrowserFixture browser) : PortalPageTest(browser)
{
    [Fact]
    public async Task Registering_CreatesTheAdminAndAFreeLibertyPlatform()
    {
        await Page.GotoAsync("Account/Register");
        await Page.GetByLabel("Association name").FillAsync("Les Randonneurs du Jura");
        await Page.GetByLabel("Your name").FillAsync("Inès Roux");
        await Page.GetByLabel("Email").FillAsync("ines@randonneurs.example");
        await Page.GetByLabel("Password (at least 10 characters)").FillAsync("Jura-Trails-2026!");
        await Page.GetByLabel("Confirm password").FillAsync("Jura-Trails-2026!");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await WaitForInteractiveAsync();

        await Expect(Page.GetByTestId("current-platform")).ToHaveTextAsync("Les Randonneurs du Jura");
        await Expect(Page.GetByTestId("dashboard-offer")).ToHaveTextAsync("Liberty");
        await using var db = PortalDatabase.Open(Server);
        var platform = await db.Platforms.SingleAsync(p => p.Name == "Les Randonneurs du Jura");
        Assert.Equal("liberty", (await db.Subscriptions.SingleAsync(s => s.PlatformId == platform.Id)).OfferCode);
        Assert.Equal(0, await db.Contacts.CountAsync(c => c.PlatformId == platform.Id));
    }

    [Fact]
    public async Task Registering_WithATooShortPassword_IsRefusedWithAMessage()
    {
        await Page.GotoAsync("Account/Register");
        await Page.GetByLabel("Association name").FillAsync("Chorale Test");
        await Page.GetByLabel("Your name").FillAsync("Test");
        await Page.GetByLabel("Email").FillAsync("short@example.org");
        await Page.GetByLabel("Password (at least 10 characters)").FillAsync("Short-1!");
        await Page.GetByLabel("Confirm password").FillAsync("Short-1!");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("at least 10 characters");
        await using var db = PortalDatabase.Open(Server);
        Assert.False(await db.Users.AnyAsync(u => u.Email == "short@example.org"));
    }
}

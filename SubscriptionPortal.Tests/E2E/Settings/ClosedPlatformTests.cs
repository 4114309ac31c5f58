using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SubscriptionPortal.Tests.E2E.Settings;

public sealed class ClosedPlatformTests(BrowserFixture browser) : PortalPageTest(browser)
{
    [Fact]
    public async Task AdminOfAClosedPlatform_SeesItReadOnly_WithInvoicesAndDataExportStillWorking()
    {
        await CloseChoraleAsync();
        await SignInAsync("serenity@demo.test");

        await Expect(Page.GetByTestId("closed-banner")).ToContainTextAsync("Chorale du Marais is closed since");
        await Expect(NavLink("Organization")).ToHaveCountAsync(0);
        await Expect(NavLink("Payment method")).ToHaveCountAsync(0);
        await Expect(NavLink("Contacts")).ToHaveCountAsync(0);

        await NavLink("Subscription Plan").ClickAsync();
        await Expect(Page.GetByTestId("plan-offer")).ToHaveTextAsync("Serenity");
        await Expect(Page.GetByText("Closed", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Change Subscription" })).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Cancel subscription" })).ToHaveCountAsync(0);

        // Typed-in addresses of the editing pages show their content read-only.
        await GotoAsync("settings/organization");
        await Expect(Page.GetByTestId("organization-closed")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToHaveCountAsync(0);
        await GotoAsync("settings/payment-method");
        await Expect(Page.GetByTestId("payment-method-closed")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Replace the mandate" })).ToHaveCountAsync(0);

        await NavLink("Invoices").ClickAsync();
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "F-" });
        var pdf = await Page.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Link, new() { Name = "Download PDF" }).ClickAsync());
        Assert.Matches(@"^F-\d{4}-\d{6}\.pdf$", pdf.SuggestedFilename);
        await NavLink("Data export").ClickAsync();
        var zip = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Button, new() { Name = "Download the export (ZIP)" }).ClickAsync());
        Assert.EndsWith(".zip", zip.SuggestedFilename);
        await Screenshots.SaveAsync(Page, "closed-platform");
    }

    /// <summary>What the closure job leaves behind when a cancelled subscription has ended.</summary>
    private async Task CloseChoraleAsync()
    {
        await using var db = PortalDatabase.Open(Server);
        var platform = await db.Platforms.SingleAsync(p => p.Name == "Chorale du Marais");
        var subscription = await db.Subscriptions.SingleAsync(s => s.PlatformId == platform.Id);
        subscription.Cancel();
        subscription.End();
        platform.Close(DateTime.UtcNow);
        await db.SaveChangesAsync();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SubscriptionPortal.Common;
using SubscriptionPortal.Components.Shared;
using SubscriptionPortal.Subscriptions;
using static Microsoft.Playwright.Assertions;

namespace SubscriptionPortal.Tests.E2E.Settings;

public sealed class CancellationTests(BrowserFixture browser) : PortalPageTest(browser)
{
    [Fact]
    public async Task SerenityAdmin_Cancels_SeesTheEndDateAndTheBannerOnEveryPage_ThenResumes()
    {
        // The demo's monthly period started 10 days ago (Paris date).
        var today = PeriodMath.LocalDate(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        var period = PeriodMath.FirstPeriod(today.AddDays(-10), Commitment.Monthly);
        await SignInAsync("serenity@demo.test");
        await NavLink("Subscription Plan").ClickAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Cancel subscription" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByTestId("cancel-end-date")).ToContainTextAsync($"until {Format.Date(period.LastDay)} included");
        await Expect(dialog.GetByTestId("cancel-no-refund")).ToContainTextAsync("There is no refund");
        await Expect(dialog.GetByRole(AriaRole.Link, new() { Name = "Export your data" })).ToHaveAttributeAsync("href", "settings/export");
        await Screenshots.SaveAsync(Page, "cancel-dialog");

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm cancellation" }).DblClickAsync();

        var banner = Page.GetByTestId("cancellation-banner");
        await Expect(banner).ToContainTextAsync($"ends on {Format.Date(period.LastDay)}");
        await Expect(banner.GetByRole(AriaRole.Link, new() { Name = "export your data" })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("plan-renewal")).ToHaveTextAsync(Format.Date(period.LastDay));
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Cancel subscription" })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(Page, "cancel-banner");

        // Every page of the platform reminds it, including after a full reload.
        await NavLink("Invoices").ClickAsync();
        await Expect(Page.GetByTestId("cancellation-banner")).ToBeVisibleAsync();
        await GotoAsync("contacts");
        await Expect(Page.GetByTestId("cancellation-banner")).ToContainTextAsync(Format.Date(period.LastDay));
        await banner.GetByRole(AriaRole.Link, new() { Name = "export your data" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Data export" })).ToBeVisibleAsync();

        await NavLink("Subscription Plan").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();

        await Expect(Page.GetByTestId("cancellation-banner")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("plan-renewal")).ToHaveTextAsync(Format.Date(period.End));
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Cancel subscription" })).ToBeVisibleAsync();
        await using var db = PortalDatabase.Open(Server);
        var platform = await db.Platforms.SingleAsync(p => p.Name == "Chorale du Marais");
        Assert.False((await db.Subscriptions.SingleAsync(s => s.PlatformId == platform.Id)).CancelAtPeriodEnd);
        Assert.Equal(["subscription.cancelled", "subscription.resumed"], await db.AuditEntries
            .Where(a => a.PlatformId == platform.Id && (a.Action == "subscription.cancelled" || a.Action == "subscription.resumed"))
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SubscriptionPortal.Tests.E2E.Support;

/// <summary>The support console and a platform's page, clicked by their visible labels.</summary>
public sealed class SupportConsolePage(IPage page)
{
    public async Task OpenPlatformAsync(string search, string platformName)
    {
        await page.GetByLabel("Search platforms").FillAsync(search);
        // The list is searched after a pause in typing: wait for the announced results of this search,
        // so the click does not land on a row of the previous list while it is replaced.
        await Expect(page.GetByTestId("search-summary")).ToContainTextAsync($"“{search}”");
        await page.GetByRole(AriaRole.Link, new() { Name = platformName, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/support/platforms/\d+$"));
        await page.GetByRole(AriaRole.Heading, new() { Name = platformName, Level = 1 }).WaitForAsync();
    }

    public ILocator AdminRow(string email) =>
        page.GetByLabel("Admins", new() { Exact = true }).GetByRole(AriaRole.Row).Filter(new() { HasText = email });

    public async Task ImpersonateAsync(string adminEmail, string reason)
    {
        await AdminRow(adminEmail).GetByRole(AriaRole.Button, new() { Name = "Impersonate" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByLabel("Reason").FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start impersonating" }).ClickAsync();
    }

    public ILocator Banner => page.GetByTestId("impersonation-banner");

    public ILocator StopButton => Banner.GetByRole(AriaRole.Button, new() { Name = "Stop impersonating" });

    public ILocator ActivityRow(string action) =>
        page.GetByLabel("Activity", new() { Exact = true }).GetByRole(AriaRole.Row).Filter(new() { HasText = action });
}

using Microsoft.Playwright;

namespace SubscriptionPortal.Tests.E2E.Support;

/// <summary>The support console and a platform's page, clicked by their visible labels.</summary>
public sealed class SupportConsolePage(IPage page)
{
    public async Task OpenPlatformAsync(string search, string platformName)
    {
        await page.GetByLabel("Search platforms").FillAsync(search);
        await page.GetByRole(AriaRole.Link, new() { Name = platformName, Exact = true }).ClickAsync();
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

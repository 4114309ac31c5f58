using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SubscriptionPortal.Tests.E2E.Settings;

/// <summary>The change flow, clicked by its visible labels (SPEC §10).</summary>
public sealed class ChangeFlowPage(IPage page)
{
    public async Task OpenOffersAsync()
    {
        await page.Locator(".mud-drawer").GetByRole(AriaRole.Link, new() { Name = "Subscription Plan", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Change Subscription" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "See offers" }).ClickAsync();
    }

    public Task OpenTabAsync(string offer) => page.GetByRole(AriaRole.Tab, new() { Name = offer }).ClickAsync();

    /// <summary>Any offer's Choose link (each is named after its offer: "Choose Serenity").</summary>
    public ILocator ChooseButton => page.GetByRole(AriaRole.Link, new() { Name = "Choose" });

    /// <summary>The Choose link of one offer, never another tab's that is still leaving the page.</summary>
    public ILocator Choose(string offer) => page.GetByRole(AriaRole.Link, new() { Name = $"Choose {offer}", Exact = true });

    public ILocator Tier(int maxContacts) =>
        page.GetByRole(AriaRole.Radio, new() { Name = $"Up to {SubscriptionPortal.Components.Shared.Format.Contacts(maxContacts)} contacts", Exact = true });

    public Task PickCommitmentAsync(string commitment) => page.GetByRole(AriaRole.Radio, new() { Name = commitment }).CheckAsync();

    public ILocator Quote => page.GetByTestId("quote");

    public ILocator ValidateButton => page.GetByRole(AriaRole.Button, new() { Name = "Validate offer" });

    /// <summary>The confirmation's button: "Confirm and pay" when the change debits something, "Confirm the change" when not.</summary>
    public ILocator ConfirmButton => page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Confirm and pay|Confirm the change)$") });

    public async Task ValidateAndConfirmAsync()
    {
        await ValidateButton.ClickAsync();
        await ConfirmButton.ClickAsync();
        await page.GetByTestId("change-applied").WaitForAsync();
    }
}

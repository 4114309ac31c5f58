using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SubscriptionPortal.Billing;
using static Microsoft.Playwright.Assertions;

namespace SubscriptionPortal.Tests.E2E.Settings;

/// <summary>
/// The change flow with the keyboard alone: Tab and Shift+Tab to move, Enter and Space to act, and inside the
/// two composite controls of the flow (the offers' tabs, the tiers' radio buttons) the arrow keys, as WAI-ARIA
/// has them. Nothing is clicked and nothing is focused by the test; every control reached shows where the focus is.
/// </summary>
public sealed class KeyboardChangeFlowTests(BrowserFixture browser) : PortalPageTest(browser)
{
    /// <summary>More Tab presses than any page of the flow has stops before its target: past that, it is unreachable.</summary>
    private const int MaxTabs = 60;

    [Fact]
    public async Task SerenityAdmin_ChangesTheirPlan_WithTabSpaceAndEnterOnly()
    {
        var flow = new ChangeFlowPage(Page);
        await Page.GotoAsync("Account/Login");
        await TabToAsync(Page.GetByLabel("Email"));
        await Page.Keyboard.TypeAsync("serenity@demo.test");
        await TabToAsync(Page.GetByLabel("Password"));
        await Page.Keyboard.TypeAsync(DemoPassword);
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await WaitForInteractiveAsync();

        await TabToAsync(NavLink("Subscription Plan"));
        await Page.Keyboard.PressAsync("Enter");
        await TabToAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Change Subscription" }));
        await Page.Keyboard.PressAsync("Enter");
        await TabToAsync(Page.GetByRole(AriaRole.Link, new() { Name = "See offers" }));
        await Page.Keyboard.PressAsync("Enter");

        // Tab enters the list of offers on the selected one; the arrow keys move between tabs (the tab
        // pattern of WAI-ARIA), Enter opens one; its Choose link follows it.
        await TabToAsync(Page.GetByRole(AriaRole.Tablist));
        await MoveWithinAsync(Page.GetByRole(AriaRole.Tab, new() { Name = "Professional" }), "ArrowRight");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Tab, new() { Name = "Professional" })).ToHaveAttributeAsync("aria-selected", "true");
        await TabToAsync(flow.Choose("Professional"));
        await Page.Keyboard.PressAsync("Enter");

        await Expect(flow.Tier(250)).ToBeCheckedAsync();
        // Tab enters the group of tiers on the checked one; the arrow keys move within a group of radio buttons.
        await TabToAsync(Page.GetByRole(AriaRole.Radiogroup).First);
        await MoveWithinAsync(flow.Tier(500), "ArrowDown");
        await Page.Keyboard.PressAsync("Space");
        await Expect(flow.Tier(500)).ToBeCheckedAsync();
        await Expect(Page.GetByTestId("quote-invoice")).ToContainTextAsync("up to 500 contacts");

        // The confirmation keeps the focus inside it, and gives it back to Validate offer when cancelled.
        await TabToAsync(flow.ValidateButton);
        await Page.Keyboard.PressAsync("Enter");
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByTestId("confirm-amount")).ToBeVisibleAsync();
        await AssertFocusStaysInsideAsync(dialog);
        await TabToAsync(dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }));
        await Page.Keyboard.PressAsync("Enter");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(flow.ValidateButton).ToBeFocusedAsync();
        await AssertFocusVisibleAsync();

        await Page.Keyboard.PressAsync("Space");
        await Expect(dialog).ToBeVisibleAsync();
        // As at the first opening: Tab only once the dialog's content is there, so the focus trap has something to hold.
        await Expect(dialog.GetByTestId("confirm-amount")).ToBeVisibleAsync();
        await TabToAsync(flow.ConfirmButton);
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page.GetByTestId("change-applied")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("plan-offer")).ToHaveTextAsync("Professional");
        await using var db = PortalDatabase.Open(Server);
        var platform = await db.Platforms.SingleAsync(p => p.Name == "Chorale du Marais");
        Assert.Equal(2, await db.Documents.CountAsync(d => d.PlatformId == platform.Id && d.Kind == DocumentKind.Invoice));
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus, checking that each stop shows it.</summary>
    private async Task TabToAsync(ILocator target)
    {
        await target.WaitForAsync();
        var stops = new List<string>();
        for (var i = 0; i < MaxTabs; i++)
        {
            await PressAndSettleAsync("Tab");
            stops.Add(await Page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 100) ?? 'nothing'"));
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement || e.contains(document.activeElement)"))
            {
                await AssertFocusVisibleAsync();
                return;
            }
        }

        Assert.Fail($"{target} was not reached in {MaxTabs} presses of Tab. The focus went through:\n" + string.Join("\n", stops));
    }

    /// <summary>
    /// Presses <paramref name="key"/>, then waits for the focus to rest on a control. Tabbing past either end of the
    /// dialog lands on one of its focus trap's bumpers, and the trap moves the focus on to the other end only once
    /// the server has answered that focus event. A key pressed before that would act where the focus is about to
    /// leave, and the focus would then jump under it: a person at the keyboard sees it arrive first.
    /// </summary>
    private async Task PressAndSettleAsync(string key)
    {
        await Page.Keyboard.PressAsync(key);
        await Page.WaitForFunctionAsync("""
            () => {
                const focused = document.activeElement;
                return !(focused?.parentElement?.classList.contains('mud-focus-trap')
                    && !focused.classList.contains('mud-focus-trap-child-container'));
            }
            """);
    }

    /// <summary>
    /// Inside a composite control (tabs, radio buttons), moves with <paramref name="key"/> until <paramref name="target"/> has
    /// the focus. Each press waits for the focus to leave where it was: the component may move it only once the server has
    /// answered, and a second press sent meanwhile would carry it past the target.
    /// </summary>
    private async Task MoveWithinAsync(ILocator target, string key)
    {
        for (var i = 0; i < 8 && !await target.EvaluateAsync<bool>("e => e === document.activeElement || e.contains(document.activeElement)"); i++)
        {
            var before = await Page.EvaluateHandleAsync("() => document.activeElement");
            await Page.Keyboard.PressAsync(key);
            await Page.WaitForFunctionAsync("before => document.activeElement !== before", before);
        }

        await Expect(target).ToBeFocusedAsync();
        await AssertFocusVisibleAsync();
    }

    /// <summary>
    /// The focused control draws a focus ring, an outline or a shadow ring, on the control itself or, for a control
    /// drawn over a hidden input (a radio button), on what is drawn around it.
    /// </summary>
    private async Task AssertFocusVisibleAsync()
    {
        var ring = await Page.EvaluateAsync<string?>("""
            async () => {
                // The ring may fade in: it is read once the focus transitions have ended.
                await Promise.all(document.getAnimations()
                    .filter(a => a.effect?.getTiming().iterations !== Infinity)
                    .map(a => a.finished.catch(() => null)));
                let element = document.activeElement;
                for (let level = 0; element && element !== document.body && level < 4; level++, element = element.parentElement) {
                    const style = getComputedStyle(element);
                    const box = element.getBoundingClientRect();
                    const drawn = style.opacity !== '0' && style.visibility !== 'hidden' && box.width > 2 && box.height > 2;
                    if (drawn && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && !style.outlineColor.endsWith(', 0)')) {
                        return `outline ${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`;
                    }
                    // A ring drawn as a shadow: no offset, no blur, a spread (not an elevation's soft shadow).
                    if (drawn && /(^|, )(rgba?\([^)]*\)\s)?0px 0px 0px [1-9]/.test(style.boxShadow)) {
                        return `box-shadow ${style.boxShadow}`;
                    }
                }
                return null;
            }
            """);
        Assert.True(ring is not null,
            "The focus is not visible on " + await Page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200)"));
    }

    /// <summary>Tab and Shift+Tab, more times than the dialog has controls, never leave the dialog.</summary>
    private async Task AssertFocusStaysInsideAsync(ILocator dialog)
    {
        foreach (var key in Enumerable.Repeat("Tab", 8).Concat(Enumerable.Repeat("Shift+Tab", 8)))
        {
            await PressAndSettleAsync(key);
            Assert.True(await dialog.EvaluateAsync<bool>("d => d.contains(document.activeElement)"),
                $"After {key} the focus left the dialog for "
                + await Page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'"));
        }
    }
}

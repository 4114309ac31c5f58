using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SubscriptionPortal.Tests.E2E;

/// <summary>
/// axe-core's WCAG 2.0/2.1 A and AA rules on every screen of the portal, in each language: the pages as they
/// first show, and the states a person opens on them (a dialog, a tab, a refused form). The language is
/// picked the way a browser keeps it, with the culture cookie. Each group of screens is one visitor in one
/// browser context, signed in once; the screens are reached by address and by controls' roles and test ids,
/// never by their words, so the same walk runs in every language.
/// They run in the second browser, beside the other browser tests: most of their time is spent waiting for
/// transitions and snackbars to end, not computing.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser) : PortalPageTest(browser)
{
    private readonly List<string> violations = [];

    [Theory]
    [InlineData("en-GB")]
    [InlineData("fr-FR")]
    public async Task SignInRegisterAndForgotPasswordPages_HaveNoWcagViolations(string culture)
    {
        await UseCultureAsync(culture);

        await OpenStaticAsync("Account/Login");
        await AuditAsync("sign in");
        await Page.Locator("[id='Input.Email']").FillAsync("serenity@demo.test");
        await Page.Locator("[id='Input.Password']").FillAsync("not the password");
        await Page.Locator("button[type=submit]").ClickAsync();
        await Page.GetByRole(AriaRole.Alert).First.WaitForAsync();
        await AuditAsync("sign in, wrong password");

        await OpenStaticAsync("Account/Register");
        await AuditAsync("register");
        await Page.Locator("button[type=submit]").ClickAsync();
        await Page.Locator(".validation-message").First.WaitForAsync();
        await AuditAsync("register, empty form refused");

        await OpenStaticAsync("Account/ForgotPassword");
        await AuditAsync("forgot password");

        AssertNoViolations(culture);
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("fr-FR")]
    public async Task PaidAdminPages_WithTheirDialogs_HaveNoWcagViolations(string culture)
    {
        await UseCultureAsync(culture);
        await SignInByFormAsync("serenity@demo.test");

        await VisitAsync("", "dashboard");
        await VisitAsync("contacts", "contacts");
        await Page.GetByRole(AriaRole.Tab).Nth(1).ClickAsync();
        await AuditAsync("contacts, archived tab");

        await VisitAsync("settings/subscription", "subscription plan");
        await Page.GetByTestId("cancel-subscription").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await AuditAsync("subscription plan, cancel dialog open");
        await Page.Keyboard.PressAsync("Escape");
        await Expect(Page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        await VisitAsync("settings/subscription/change", "change subscription");
        await VisitAsync("settings/subscription/offers", "offers");
        var tabs = Page.GetByRole(AriaRole.Tab);
        for (var i = 0; i < await tabs.CountAsync(); i++)
        {
            await tabs.Nth(i).ClickAsync();
            await Expect(tabs.Nth(i)).ToHaveAttributeAsync("aria-selected", "true");
            await AuditAsync($"offers, tab {i + 1} ({await tabs.Nth(i).TextContentAsync()})");
        }

        await VisitAsync("settings/subscription/choose/professional", "offer choice with its quote");
        await Page.GetByTestId("validate-offer").ClickAsync();
        var confirmation = Page.GetByRole(AriaRole.Dialog);
        await Expect(confirmation).ToBeVisibleAsync();
        await AuditAsync("offer choice, confirmation dialog open");
        await confirmation.Locator(".mud-dialog-actions button").Last.ClickAsync();
        await Page.GetByTestId("change-applied").WaitForAsync();
        await AuditAsync("offer choice, change applied");

        await VisitAsync("settings/invoices", "invoices");
        await VisitAsync("settings/payment-method", "payment method");
        await VisitAsync("settings/organization", "organization");
        await VisitAsync("settings/activity", "activity");
        await VisitAsync("settings/export", "data export");
        await VisitAsync("platforms/new", "new free platform");

        // Cancelled: the banner on every page and the Resume button.
        await VisitAsync("settings/subscription", "subscription plan");
        await Page.GetByTestId("cancel-subscription").ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).Locator(".mud-dialog-actions button").Last.ClickAsync();
        await Page.GetByTestId("cancellation-banner").WaitForAsync();
        await AuditAsync("subscription plan, cancelled");

        foreach (var page in new[] { "Account/Manage", "Account/Manage/Email", "Account/Manage/ChangePassword",
                     "Account/Manage/TwoFactorAuthentication", "Account/Manage/Passkeys", "Account/Manage/PersonalData",
                     "Account/Manage/DeletePersonalData" })
        {
            await OpenStaticAsync(page);
            await AuditAsync(page);
        }

        AssertNoViolations(culture);
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("fr-FR")]
    public async Task FreeAdminPages_WithTheMandateForm_HaveNoWcagViolations(string culture)
    {
        await UseCultureAsync(culture);
        await SignInByFormAsync("liberty@demo.test");

        await VisitAsync("", "dashboard");
        await VisitAsync("settings/subscription", "subscription plan");
        await VisitAsync("settings/subscription/offers", "offers");
        await VisitAsync("settings/subscription/choose/serenity", "offer choice with the mandate form");
        // Refused: the form shows each field's message.
        await Page.GetByTestId("validate-offer").ClickAsync();
        await Page.GetByTestId("quote-message").WaitForAsync();
        await AuditAsync("offer choice, mandate refused");
        await VisitAsync("settings/payment-method", "payment method, none yet");
        await VisitAsync("settings/invoices", "invoices, none yet");

        AssertNoViolations(culture);
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("fr-FR")]
    public async Task SupportPages_AndImpersonation_HaveNoWcagViolations(string culture)
    {
        await UseCultureAsync(culture);
        int choraleId;
        await using (var db = PortalDatabase.Open(Server))
        {
            choraleId = await db.Platforms.Where(p => p.Name == "Chorale du Marais").Select(p => p.Id).SingleAsync();
        }

        await SignInByFormAsync("support@demo.test");

        await VisitAsync("support", "support console");
        await Page.GetByRole(AriaRole.Textbox).First.FillAsync("Chorale");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Chorale du Marais" })).ToHaveCountAsync(1);
        await AuditAsync("support console, searched");

        await VisitAsync($"support/platforms/{choraleId}", "support platform view with its audit log");
        await Page.Locator(".mud-table button").First.ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await AuditAsync("support platform view, impersonate dialog open");
        await dialog.Locator("textarea[name=reason]").FillAsync("Accessibility check of the support screens.");
        await dialog.Locator("button[type=submit]").ClickAsync();
        await Page.GetByTestId("impersonation-banner").WaitForAsync();
        await WaitForInteractiveAsync();
        await AuditAsync("dashboard while impersonating");
        await VisitAsync("settings/activity", "activity while impersonating");
        await Page.GetByTestId("impersonation-banner").GetByRole(AriaRole.Button).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/support/platforms/", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await WaitForInteractiveAsync();
        await AuditAsync("support platform view, after impersonating");

        await VisitAsync("support/debits", "direct debits");
        await VisitAsync("support/overdue", "overdue");
        // The impersonation above emailed the admin: the outbox lists it. (A message opened as sent is not audited:
        // its HTML is in a frame sandboxed without scripts, where axe-core cannot run.)
        await VisitAsync("support/emails", "emails");
        await Expect(Page.GetByTestId("emails-table").Locator("a")).Not.ToHaveCountAsync(0);

        AssertNoViolations(culture);
    }

    /// <summary>The language a browser keeps in the culture cookie, as the app's language switch sets it.</summary>
    private Task UseCultureAsync(string culture) =>
        BrowserContext.AddCookiesAsync(
        [
            new Cookie
            {
                Name = CookieRequestCultureProvider.DefaultCookieName,
                Value = CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                Url = Server.BaseUrl,
            },
        ]);

    /// <summary>Signs in through the form by its fields, whatever language it is written in.</summary>
    private async Task SignInByFormAsync(string email)
    {
        await Page.GotoAsync("Account/Login");
        await Page.Locator("[id='Input.Email']").FillAsync(email);
        await Page.Locator("[id='Input.Password']").FillAsync(DemoPassword);
        await Page.Locator("button[type=submit]").ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await WaitForInteractiveAsync();
    }

    /// <summary>
    /// Opens a screen and audits it. On a live circuit the screen is reached as a link reaches it, by Blazor's own
    /// navigation: a new document each time cost a page load and a new circuit, a quarter of these tests' time.
    /// The screen is there once a new heading replaces the last one; its data once its loading bar has gone, which
    /// the audit waits for. After a server-rendered page (sign-in, account), where no circuit runs, it is loaded.
    /// A screen already shown, as the one a sign-in lands on, is audited as it is.
    /// </summary>
    private async Task VisitAsync(string url, string screen)
    {
        if (new Uri(Page.Url).AbsolutePath == "/" + url)
        {
            // Already there, as after signing in: the page as it shows is the one to audit.
            await WaitForInteractiveAsync();
        }
        else if (await Page.Locator("[data-interactive='true']").CountAsync() > 0)
        {
            var heading = await Page.EvaluateHandleAsync("() => document.querySelector('h1')");
            await Page.EvaluateAsync("url => Blazor.navigateTo(url)", url);
            await Page.WaitForFunctionAsync("last => { const h1 = document.querySelector('h1'); return h1 !== null && h1 !== last; }", heading);
            await WaitForInteractiveAsync();
        }
        else
        {
            await GotoAsync(url);
            await Page.Locator("h1").First.WaitForAsync();
        }

        await AuditAsync(screen);
    }

    /// <summary>A server-rendered page (sign-in, account): no circuit to wait for.</summary>
    private async Task OpenStaticAsync(string url)
    {
        await Page.GotoAsync(url);
        await Page.Locator("h1").First.WaitForAsync();
    }

    private async Task AuditAsync(string screen) =>
        violations.AddRange(await AccessibilityAudit.AuditAsync(Page, screen));

    private void AssertNoViolations(string culture) =>
        Assert.True(violations.Count == 0,
            $"axe-core ({string.Join(", ", AccessibilityAudit.WcagTags)}) found {violations.Count} violation(s) in {culture}:\n"
            + string.Join("\n", violations));
}

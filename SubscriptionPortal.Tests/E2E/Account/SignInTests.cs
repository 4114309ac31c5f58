using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SubscriptionPortal.Common;
using SubscriptionPortal.Components.Shared;
using SubscriptionPortal.Subscriptions;
using static Microsoft.Playwright.Assertions;

namespace SubscriptionPortal.Tests.E2E.Account;

public sealed class SignInTests(BrowserFixture browser) : PortalPageTest(browser)
{
    [Theory]
    [InlineData("liberty@demo.test", "Les Amis du Vélo", "Liberty")]
    [InlineData("serenity@demo.test", "Chorale du Marais", "Serenity")]
    [InlineData("pro@demo.test", "Club Nautique de Lyon", "Professional")]
    public async Task DemoAdmin_SignsIn_AndSeesTheirOwnPlanUnderSettings(string email, string platform, string offer)
    {
        await SignInAsync(email);
        await Expect(Page.GetByTestId("current-platform")).ToHaveTextAsync(platform);

        await NavLink("Subscription Plan").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Subscription Plan" })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("plan-offer")).ToHaveTextAsync(offer);

        var expected = await ExpectedPlanAsync(platform);
        await Expect(Page.GetByTestId("plan-commitment")).ToHaveTextAsync(expected.Commitment);
        await Expect(Page.GetByTestId("plan-contacts")).ToHaveTextAsync(expected.Contacts);
        if (expected.Period is { } period)
        {
            await Expect(Page.GetByTestId("plan-period")).ToHaveTextAsync(period);
        }
        else
        {
            await Expect(Page.GetByTestId("plan-period")).ToHaveCountAsync(0);
        }
    }

    [Fact]
    public async Task WrongPassword_IsRefusedWithAMessage()
    {
        await Page.GotoAsync("Account/Login");
        await Page.GetByLabel("Email").FillAsync("serenity@demo.test");
        await Page.GetByLabel("Password").FillAsync("not-the-password");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // The form's validation summary is an alert region too, empty here: the refusal is the one that speaks.
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Wrong email or password." })).ToBeVisibleAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/Account/Login"));
    }

    [Fact]
    public async Task SixthAttempt_AfterFiveFailures_IsLockedOutEvenWithTheRightPassword()
    {
        await Page.GotoAsync("Account/Login");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await Page.GetByLabel("Email").FillAsync("pro@demo.test");
            await Page.GetByLabel("Password").FillAsync($"wrong-password-{attempt}");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            // Refused each time; the fifth failure may already say the account is locked.
            await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Error:" })).ToBeVisibleAsync();
        }

        await Page.GetByLabel("Email").FillAsync("pro@demo.test");
        await Page.GetByLabel("Password").FillAsync(DemoPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "locked" })).ToBeVisibleAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/Account/Login"));
    }

    [Fact]
    public async Task OnlyTheSupportAgent_SeesTheSupportMenu()
    {
        await SignInAsync("support@demo.test");
        await Expect(NavLink("Support")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Support console" })).ToBeVisibleAsync();

        await SignInElsewhereAsync("serenity@demo.test");
        await Expect(NavLink("Dashboard")).ToBeVisibleAsync();
        await Expect(NavLink("Support")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Admin_TypingTheSupportUrl_IsRefused()
    {
        await SignInAsync("serenity@demo.test");

        await Page.GotoAsync("support");

        await Expect(Page).ToHaveURLAsync(new Regex("/Account/AccessDenied"));
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("You do not have access to this page.");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Support console" })).ToHaveCountAsync(0);
    }

    private async Task<(string Commitment, string Contacts, string? Period)> ExpectedPlanAsync(string platformName)
    {
        var options = new DbContextOptionsBuilder<SubscriptionPortal.Data.ApplicationDbContext>()
            .UseSqlite($"Data Source={Server.DatabasePath}").Options;
        await using var db = new SubscriptionPortal.Data.ApplicationDbContext(options);
        var platform = await db.Platforms.SingleAsync(p => p.Name == platformName);
        var subscription = await db.Subscriptions.SingleAsync(s => s.PlatformId == platform.Id);
        var contacts = await db.Contacts.CountAsync(c => c.PlatformId == platform.Id && !c.IsArchived);
        var commitment = subscription.Plan?.Commitment switch
        {
            Commitment.Monthly => "Monthly",
            Commitment.Annual => "Annual",
            _ => "None (free offer)",
        };
        var contactText = subscription.Plan?.TierMaxContacts is { } tier
            ? $"{Format.Contacts(contacts)} in use of {Format.Contacts(tier)}"
            : $"{Format.Contacts(contacts)} in use, unlimited";
        var period = subscription.CurrentPeriod is { } p ? Format.Period(p.Start, p.End) : null;
        return (commitment, contactText, period);
    }
}

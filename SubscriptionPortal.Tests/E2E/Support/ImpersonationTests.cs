using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Support;
using SubscriptionPortal.Tests.E2E.Settings;
using SubscriptionPortal.Tests.Integration;
using static Microsoft.Playwright.Assertions;

namespace SubscriptionPortal.Tests.E2E.Support;

public sealed class ImpersonationTests(BrowserFixture browser) : PortalPageTest(browser)
{
    private const string Reason = "Ticket 4711: the treasurer asks us to move the choir to Professional.";

    [Fact]
    public async Task SupportAgent_ImpersonatesAnAdmin_ChangesThePlan_Stops_AndTheActivityShowsItAll()
    {
        var console = new SupportConsolePage(Page);
        await SignInAsync("support@demo.test");
        await console.OpenPlatformAsync("Chorale", "Chorale du Marais");

        await console.ImpersonateAsync("serenity@demo.test", Reason);

        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/", new() { WaitUntil = WaitUntilState.Commit });
        await WaitForInteractiveAsync();
        await Expect(console.Banner).ToContainTextAsync("Support agent Sam Support is acting as Hélène Dubois — 30 min left");
        await Expect(Page.GetByTestId("current-platform")).ToHaveTextAsync("Chorale du Marais");
        await NavLink("Subscription Plan").ClickAsync();
        await Expect(Page.GetByTestId("plan-offer")).ToHaveTextAsync("Serenity");
        await Expect(console.Banner).ToBeVisibleAsync();

        var flow = new ChangeFlowPage(Page);
        await flow.OpenOffersAsync();
        await flow.OpenTabAsync("Professional");
        // Named after its offer, so a click cannot land on the previous tab's button while the tabs switch.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Choose Professional" }).ClickAsync();
        await flow.ValidateAndConfirmAsync();
        await Expect(Page.GetByTestId("plan-offer")).ToHaveTextAsync("Professional");

        await Expect(Page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await console.StopButton.ClickAsync();

        await Page.WaitForURLAsync(new Regex("/support/platforms/\\d+$"));
        await WaitForInteractiveAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Chorale du Marais", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Support console" })).ToBeVisibleAsync();
        await Expect(console.Banner).ToHaveCountAsync(0);
        await Expect(console.ActivityRow("Impersonation stopped")).ToContainTextAsync("Stopped by the agent");

        // The admin reads what happened on their platform under Settings › Activity.
        await SignInElsewhereAsync("serenity@demo.test");
        console = new SupportConsolePage(Page);
        await NavLink("Activity").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Activity" })).ToBeVisibleAsync();
        await Expect(console.ActivityRow("Impersonation started")).ToContainTextAsync($"Reason: {Reason}");
        await Expect(console.ActivityRow("Impersonation started")).ToContainTextAsync("support@demo.test");
        var change = console.ActivityRow("Subscription changed").Filter(new() { HasText = "support@demo.test" });
        await Expect(change).ToContainTextAsync("on behalf of serenity@demo.test");
        await Expect(change).ToContainTextAsync("Serenity 250 contacts monthly → Professional 250 contacts monthly");
        await Expect(console.ActivityRow("Impersonation stopped")).ToContainTextAsync("on behalf of serenity@demo.test");

        await using var db = PortalDatabase.Open(Server);
        var chorale = await db.Platforms.SingleAsync(p => p.Name == "Chorale du Marais");
        var actions = await db.AuditEntries.Where(a => a.PlatformId == chorale.Id && a.ActorEmail == "support@demo.test")
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.OnBehalfOfEmail }).ToListAsync();
        Assert.Equal(
            [AuditActions.ImpersonationStarted, "subscription.changed", AuditActions.ImpersonationStopped],
            actions.Select(a => a.Action));
        Assert.All(actions, a => Assert.Equal("serenity@demo.test", a.OnBehalfOfEmail));
    }

    [Fact]
    public async Task ImpersonateDialog_WithoutAReason_CannotBeSubmitted()
    {
        var console = new SupportConsolePage(Page);
        await SignInAsync("support@demo.test");
        await console.OpenPlatformAsync("serenity@demo", "Chorale du Marais");

        await console.AdminRow("serenity@demo.test").GetByRole(AriaRole.Button, new() { Name = "Impersonate" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Start impersonating" })).ToBeDisabledAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByLabel("Reason").FillAsync("   ");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Start impersonating" })).ToBeDisabledAsync();
    }

    [Fact]
    public async Task Impersonating_AnAdminWithTwoPlatforms_StaysOnTheImpersonatedOne_WithoutTheSwitcher()
    {
        // The admin's second platform, created by herself: it is her saved current platform.
        await using var db = PortalDatabase.Open(Server);
        var admin = await db.Users.SingleAsync(u => u.Email == "serenity@demo.test");
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<PlatformProvisioning>().CreateAsync(
                TestUsers.Principal(admin, []), new OrganizationForm { Name = "Chorale des Enfants", BillingEmail = "enfants@choraledumarais.test" }, Guid.NewGuid());
            Assert.True(created.Result.Succeeded, created.Result.Message);
        }

        var saved = await db.Users.Where(u => u.Id == admin.Id).Select(u => u.CurrentPlatformId).SingleAsync();
        var console = new SupportConsolePage(Page);
        await SignInAsync("support@demo.test");
        await console.OpenPlatformAsync("Chorale du", "Chorale du Marais");

        await console.ImpersonateAsync("serenity@demo.test", Reason);

        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/", new() { WaitUntil = WaitUntilState.Commit });
        await WaitForInteractiveAsync();
        await Expect(console.Banner).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("current-platform")).ToHaveTextAsync("Chorale du Marais");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Switch platform" })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(Page, "impersonation-without-switcher");

        // The new-platform page, typed in by hand, refuses too.
        await GotoAsync("platforms/new");
        await Page.GetByLabel("Association name").FillAsync("Chorale Bis");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create the platform" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Support staff cannot create a platform" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(Page, "impersonation-new-platform-refused");

        await using var after = PortalDatabase.Open(Server);
        Assert.Equal(saved, await after.Users.Where(u => u.Id == admin.Id).Select(u => u.CurrentPlatformId).SingleAsync());
        Assert.False(await after.Platforms.AnyAsync(p => p.Name == "Chorale Bis"));
    }
}

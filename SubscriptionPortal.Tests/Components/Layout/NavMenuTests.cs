using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Components.Layout;
using SubscriptionPortal.Data;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Tests.Components.Layout;

public sealed class NavMenuTests : PortalComponentTest
{
    private static readonly string[] AdminLinks = ["Dashboard", "Contacts", "Organization", "Subscription Plan", "Payment method", "Invoices", "Data export", "Activity"];
    private static readonly string[] SupportLinks = ["Support", "Direct debits", "Overdue", "Emails"];

    private readonly BunitAuthorizationContext auth;

    public NavMenuTests()
    {
        auth = Context.AddAuthorization();
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void Admin_SeesTheirPlatformsPages_AndNoSupportPage()
    {
        auth.SetAuthorized("serenity@demo.test");

        var cut = Context.Render<NavMenu>();

        Assert.Equal(AdminLinks, LinkTexts(cut));
        Assert.Equal("Main navigation", cut.Find("nav").GetAttribute("aria-label"));
    }

    [Fact]
    public void AdminOfAClosedPlatform_IsOfferedOnlyWhatStillWorks()
    {
        auth.SetAuthorized("serenity@demo.test");

        var cut = Context.Render<NavMenu>(p => p.Add(m => m.PlatformClosed, true));

        Assert.Equal(["Dashboard", "Subscription Plan", "Invoices", "Data export", "Activity"], LinkTexts(cut));
    }

    [Fact]
    public void SupportAgent_SeesOnlyTheSupportPages()
    {
        auth.SetAuthorized("support@demo.test");
        auth.SetRoles(PortalRoles.Support);

        var cut = Context.Render<NavMenu>();

        Assert.Equal(SupportLinks, LinkTexts(cut));
    }

    [Fact]
    public void SupportAgentImpersonatingAnAdmin_SeesTheAdminsPages_AndTheSupportPages()
    {
        auth.SetAuthorized("serenity@demo.test");
        auth.SetRoles(PortalRoles.Support);
        auth.SetClaims(new Claim(Actor.ImpersonatorIdClaim, "agent-id"));

        var cut = Context.Render<NavMenu>();

        Assert.Equal([.. AdminLinks, .. SupportLinks], LinkTexts(cut));
    }

    [Fact]
    public void Visitor_IsOfferedToSignInOrRegister()
    {
        var cut = Context.Render<NavMenu>();

        Assert.Equal(["Sign in", "Register"], LinkTexts(cut));
        Assert.Equal(["Account/Login", "Account/Register"], cut.FindAll("a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("", "Dashboard")]
    [InlineData("settings/subscription", "Subscription Plan")]
    [InlineData("settings/subscription/offers/professional?tier=1000&commitment=Annual", "Subscription Plan")]
    [InlineData("settings/invoices/", "Invoices")]
    [InlineData("SETTINGS/Activity#latest", "Activity")]
    [InlineData("settings/subscriptions", null)]
    [InlineData("platforms/new", null)]
    public void TheCurrentPagesLink_IsMarkedAsTheCurrentPage(string location, string? current)
    {
        auth.SetAuthorized("serenity@demo.test");
        Context.Services.GetRequiredService<BunitNavigationManager>().NavigateTo(location);

        var cut = Context.Render<NavMenu>();

        var marked = cut.FindAll("a[aria-current='page']");
        Assert.Equal(current is null ? [] : [current], marked.Select(a => a.TextContent.Trim()));
        Assert.Equal(marked.Select(a => a.TextContent), cut.FindAll("a.active").Select(a => a.TextContent));
    }

    [Fact]
    public void TheCurrentPagesMark_FollowsNavigation()
    {
        auth.SetAuthorized("serenity@demo.test");
        var navigation = Context.Services.GetRequiredService<BunitNavigationManager>();
        navigation.NavigateTo("settings/organization");
        var cut = Context.Render<NavMenu>();

        navigation.NavigateTo("settings/invoices");

        cut.WaitForAssertion(() => Assert.Equal("Invoices", cut.Find("a[aria-current='page']").TextContent.Trim()));
        Assert.Single(cut.FindAll("a[aria-current='page']"));
    }

    [Fact]
    public void SettingsGroup_Collapses_AndOpensAgain()
    {
        auth.SetAuthorized("serenity@demo.test");
        var cut = Context.Render<NavMenu>();
        var toggle = cut.Find("button");
        Assert.Equal(("Settings", "true", "nav-settings"), (toggle.TextContent.Trim(), toggle.GetAttribute("aria-expanded"), toggle.GetAttribute("aria-controls")));

        toggle.Click();

        Assert.Equal("false", cut.Find("button").GetAttribute("aria-expanded"));
        Assert.Equal(["Dashboard", "Contacts"], LinkTexts(cut));

        cut.Find("button").Click();

        Assert.Equal("true", cut.Find("button").GetAttribute("aria-expanded"));
        Assert.Equal(AdminLinks, LinkTexts(cut));
    }

    [Fact]
    public void FollowingALink_TellsTheLayout()
    {
        auth.SetAuthorized("serenity@demo.test");
        var followed = 0;
        var cut = Context.Render<NavMenu>(p => p.Add(m => m.LinkFollowed, () => followed++));

        cut.FindAll("a").Single(a => a.TextContent.Trim() == "Invoices").Click();

        Assert.Equal(1, followed);
    }

    private static string[] LinkTexts(IRenderedComponent<NavMenu> cut) =>
        [.. cut.FindAll("a").Select(a => a.TextContent.Trim())];
}

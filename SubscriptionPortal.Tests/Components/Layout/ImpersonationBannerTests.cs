using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SubscriptionPortal.Components.Layout;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Tests.Components.Layout;

public sealed class ImpersonationBannerTests : PortalComponentTest
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero));

    public ImpersonationBannerTests()
    {
        Context.Services.AddSingleton<TimeProvider>(clock);
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void Banner_ShowsTheAgentTheAdminAndTheMinutesLeft()
    {
        var cut = Context.Render<ImpersonationBanner>(p => p.Add(b => b.Session, SessionStartedMinutesAgo(12)));

        Assert.Equal("Support agent Sam Support is acting as Hélène Dubois — 18 min left", Squash(cut.Find("[data-testid='impersonation-text']").TextContent));
        var form = cut.Find("form");
        Assert.Equal(("post", "support/impersonation/stop"), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.Equal("Stop impersonating", form.QuerySelector("button[type='submit']")!.TextContent.Trim());
    }

    [Fact]
    public void Banner_CountsDownAsTimePasses()
    {
        var cut = Context.Render<ImpersonationBanner>(p => p.Add(b => b.Session, SessionStartedMinutesAgo(12)));

        clock.Advance(TimeSpan.FromMinutes(10));

        cut.WaitForAssertion(() => Assert.EndsWith("— 8 min left", Squash(cut.Find("[data-testid='impersonation-text']").TextContent)));
    }

    [Fact]
    public void Banner_WhenTimeRunsOut_ReloadsOnTheAgentsConsole()
    {
        var navigation = Context.Services.GetRequiredService<BunitNavigationManager>();
        Context.Render<ImpersonationBanner>(p => p.Add(b => b.Session, SessionStartedMinutesAgo(29)));

        clock.Advance(TimeSpan.FromMinutes(1));

        var reload = Assert.Single(navigation.History);
        Assert.Equal(("support/platforms/7", true), (reload.Uri, reload.Options.ForceLoad));
    }

    [Fact]
    public void Banner_OnAStaticPage_ShowsTheMinutesLeftWhenServed()
    {
        Context.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var cut = Context.Render<ImpersonationBanner>(p => p.Add(b => b.Session, SessionStartedMinutesAgo(5)));

        clock.Advance(TimeSpan.FromMinutes(10));

        Assert.EndsWith("— 25 min left", Squash(cut.Find("[data-testid='impersonation-text']").TextContent));
    }

    private ImpersonationSession SessionStartedMinutesAgo(int minutes)
    {
        var started = clock.GetUtcNow().AddMinutes(-minutes);
        return new ImpersonationSession("agent-id", "support@demo.test", "Sam Support", "admin-id", "serenity@demo.test", "Hélène Dubois",
            7, started, started + ImpersonationSession.MaxDuration);
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

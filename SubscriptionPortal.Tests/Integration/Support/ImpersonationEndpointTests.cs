using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Components.Account;
using SubscriptionPortal.Data;
using SubscriptionPortal.Support;
using SubscriptionPortal.Tests.Integration.Http;

namespace SubscriptionPortal.Tests.Integration.Support;

/// <summary>Impersonation through the real HTTP endpoints, cookie and pipeline (SPEC §7).</summary>
public sealed class ImpersonationEndpointTests : IAsyncLifetime
{
    private PortalApp app = default!;
    private PortalClient client = default!;

    public Task InitializeAsync()
    {
        app = new PortalApp();
        client = app.CreatePortalClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Start_ByAnAdmin_IsForbidden()
    {
        await client.SignInAsync("serenity@demo.test");
        var (proId, lyonId) = await app.AdminAsync("pro@demo.test");
        var cookie = client.IdentityCookie;

        using var response = await client.PostStartAsync(proId, lyonId, token: await client.AntiforgeryTokenAsync());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Only support staff", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(cookie, client.IdentityCookie);
        Assert.Empty(await app.ImpersonationEntriesAsync());
    }

    [Fact]
    public async Task Start_WithoutTheAntiforgeryToken_IsRejected()
    {
        await client.SignInAsync("support@demo.test");
        var (adminId, platformId) = await app.AdminAsync("serenity@demo.test");
        var cookie = client.IdentityCookie;

        using var response = await client.PostStartAsync(adminId, platformId, token: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(cookie, client.IdentityCookie);
        Assert.Empty(await app.ImpersonationEntriesAsync());
    }

    [Fact]
    public async Task Start_WithATokenIssuedToAnotherSession_IsRejected()
    {
        using var other = app.CreatePortalClient();
        await other.SignInAsync("support@demo.test");
        var foreignToken = await other.AntiforgeryTokenAsync();
        await client.SignInAsync("support@demo.test");
        var (adminId, platformId) = await app.AdminAsync("serenity@demo.test");

        using var response = await client.PostStartAsync(adminId, platformId, token: foreignToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await app.ImpersonationEntriesAsync());
    }

    [Fact]
    public async Task Start_OnASupportAgent_IsRefused()
    {
        // A second agent who is also listed as an admin of the platform: still not a target.
        var (_, choraleId) = await app.AdminAsync("serenity@demo.test");
        var agentId = await CreateAgentAdministeringAsync(choraleId);
        await client.SignInAsync("support@demo.test");
        var cookie = client.IdentityCookie;

        using var response = await client.PostStartAsync(agentId, choraleId, token: await client.AntiforgeryTokenAsync());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/support/platforms/{choraleId}?refused=TargetIsSupportAgent", response.Headers.Location?.OriginalString);
        Assert.Equal(cookie, client.IdentityCookie);
        Assert.Empty(await app.ImpersonationEntriesAsync());
        var page = await client.GetPageAsync(response.Headers.Location!.OriginalString.TrimStart('/'));
        Assert.Contains("A support agent cannot be impersonated. Nothing was started.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WhileImpersonating_IsRefused()
    {
        await client.ImpersonateAsync(app, "serenity@demo.test");
        var (proId, lyonId) = await app.AdminAsync("pro@demo.test");
        var cookie = client.IdentityCookie;

        using var response = await client.PostStartAsync(proId, lyonId, token: await client.AntiforgeryTokenAsync());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Stop impersonating before", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(cookie, client.IdentityCookie);
        Assert.Single(await app.ImpersonationEntriesAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Start_WithoutAReason_IsRefused(string? reason)
    {
        await client.SignInAsync("support@demo.test");
        var (adminId, platformId) = await app.AdminAsync("serenity@demo.test");
        var cookie = client.IdentityCookie;

        using var response = await client.PostStartAsync(adminId, platformId, reason, await client.AntiforgeryTokenAsync());

        Assert.Equal($"/support/platforms/{platformId}?refused=ReasonRequired", response.Headers.Location?.OriginalString);
        Assert.Equal(cookie, client.IdentityCookie);
        Assert.Empty(await app.ImpersonationEntriesAsync());
        var page = WebUtility.HtmlDecode(await client.GetPageAsync(response.Headers.Location!.OriginalString.TrimStart('/')));
        Assert.Contains("Give a reason for impersonating this admin", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithAReasonTooLong_IsRefused()
    {
        await client.SignInAsync("support@demo.test");
        var (adminId, platformId) = await app.AdminAsync("serenity@demo.test");

        using var response = await client.PostStartAsync(adminId, platformId, new string('x', ImpersonationService.MaxReasonLength + 1),
            await client.AntiforgeryTokenAsync());

        Assert.Equal($"/support/platforms/{platformId}?refused=ReasonTooLong", response.Headers.Location?.OriginalString);
        Assert.Empty(await app.ImpersonationEntriesAsync());
    }

    [Fact]
    public async Task Start_OnAnAdminOfAnotherPlatform_IsRefused()
    {
        await client.SignInAsync("support@demo.test");
        var (proId, _) = await app.AdminAsync("pro@demo.test");
        var (_, choraleId) = await app.AdminAsync("serenity@demo.test");

        using var response = await client.PostStartAsync(proId, choraleId, token: await client.AntiforgeryTokenAsync());

        Assert.Equal($"/support/platforms/{choraleId}?refused=NotAPlatformAdmin", response.Headers.Location?.OriginalString);
        Assert.Empty(await app.ImpersonationEntriesAsync());
    }

    [Fact]
    public async Task StartThenStop_ShowsTheAdminsPagesWithTheBanner_ThenRestoresTheAgent()
    {
        var platformId = await client.ImpersonateAsync(app, "serenity@demo.test");

        var plan = WebUtility.HtmlDecode(await client.GetPageAsync("settings/subscription"));
        Assert.Contains("Chorale du Marais", plan, StringComparison.Ordinal);
        Assert.Contains("Support agent <strong>Sam Support</strong> is acting as <strong>Hélène Dubois</strong> — 30 min left", plan, StringComparison.Ordinal);

        using var stop = await client.PressStopAsync();

        Assert.Equal(HttpStatusCode.Redirect, stop.StatusCode);
        Assert.Equal($"/support/platforms/{platformId}", stop.Headers.Location?.OriginalString);
        var console = await client.GetPageAsync($"support/platforms/{platformId}");
        Assert.Contains("Support console", console, StringComparison.Ordinal);
        Assert.DoesNotContain("impersonation-banner", console, StringComparison.Ordinal);
        var entries = await app.ImpersonationEntriesAsync();
        Assert.Collection(entries,
            start => Assert.Equal((AuditActions.ImpersonationStarted, "support@demo.test", "serenity@demo.test", $"Reason: {Impersonating.Reason}", (int?)platformId),
                (start.Action, start.ActorEmail, start.OnBehalfOfEmail, start.Details, start.PlatformId)),
            end => Assert.Equal((AuditActions.ImpersonationStopped, "support@demo.test", "serenity@demo.test", (int?)platformId),
                (end.Action, end.ActorEmail, end.OnBehalfOfEmail, end.PlatformId)));
    }

    [Fact]
    public async Task Stop_WithoutTheAntiforgeryToken_IsRejected()
    {
        await client.ImpersonateAsync(app, "serenity@demo.test");
        var cookie = client.IdentityCookie;

        using var response = await client.PostFormAsync(SupportEndpoints.StopPath.TrimStart('/'), []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(cookie, client.IdentityCookie);
        Assert.Single(await app.ImpersonationEntriesAsync());
    }

    [Fact]
    public async Task After30Minutes_TheNextRequestIsTheAgentsOwn()
    {
        await client.ImpersonateAsync(app, "serenity@demo.test");
        app.Clock.Advance(TimeSpan.FromMinutes(29.5));
        Assert.Contains("— 1 min left", await client.GetPageAsync(""), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromMinutes(0.5));
        var next = await client.GetPageAsync("support");

        Assert.Contains("Support console", next, StringComparison.Ordinal);
        Assert.DoesNotContain("impersonation-banner", next, StringComparison.Ordinal);
        var ticket = app.ReadIdentityCookie(client.IdentityCookie!);
        Assert.Equal("support@demo.test", ticket!.Principal.Identity!.Name);
        Assert.Null(ImpersonationSession.From(ticket.Principal));
        Assert.DoesNotContain("impersonation-banner", await client.GetPageAsync("support"), StringComparison.Ordinal);
        var end = (await app.ImpersonationEntriesAsync()).Last();
        Assert.Equal((AuditActions.ImpersonationStopped, "Ended automatically: the 30-minute limit was reached."), (end.Action, end.Details));
        Assert.Equal(2, (await app.ImpersonationEntriesAsync()).Count);
    }

    [Fact]
    public async Task OldImpersonationCookie_ReplayedAfterStop_IsTheAgentsOwnSession()
    {
        await client.ImpersonateAsync(app, "serenity@demo.test");
        var impersonationCookie = client.IdentityCookie;
        using (await client.PressStopAsync())
        {
        }

        client.IdentityCookie = impersonationCookie;
        var page = await client.GetPageAsync("support");

        Assert.Contains("Support console", page, StringComparison.Ordinal);
        Assert.DoesNotContain("impersonation-banner", page, StringComparison.Ordinal);
        Assert.Equal(2, (await app.ImpersonationEntriesAsync()).Count);
    }

    [Fact]
    public async Task SigningOut_WhileImpersonating_EndsTheImpersonationOnTheRecord()
    {
        await client.ImpersonateAsync(app, "serenity@demo.test");
        var fields = new Dictionary<string, string> { [PortalClient.TokenField] = await client.AntiforgeryTokenAsync(), ["ReturnUrl"] = "" };

        using var response = await client.PostFormAsync("Account/Logout", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var end = (await app.ImpersonationEntriesAsync()).Last();
        Assert.Equal(AuditActions.ImpersonationStopped, end.Action);
        Assert.StartsWith("Ended when the agent signed out", end.Details, StringComparison.Ordinal);
    }

    private async Task<string> CreateAgentAdministeringAsync(int platformId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var agent = new ApplicationUser { UserName = "agent2@demo.test", Email = "agent2@demo.test", EmailConfirmed = true, DisplayName = "Alex Agent" };
        Assert.True((await users.CreateAsync(agent, PortalClient.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(agent, PortalRoles.Support)).Succeeded);
        await using var db = app.OpenDatabase();
        db.Memberships.Add(new SubscriptionPortal.Platforms.PlatformMembership(platformId, agent.Id));
        await db.SaveChangesAsync();
        return agent.Id;
    }
}

using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Components.Account;
using SubscriptionPortal.Support;
using SubscriptionPortal.Tests.Integration.Http;

namespace SubscriptionPortal.Tests.Integration.Support;

/// <summary>
/// A live page (a Blazor circuit) keeps the user it was opened with and makes no HTTP request that the
/// cookie checks would see: its own periodic check must end an impersonation that is over.
/// </summary>
public sealed class CircuitRevalidationTests : IAsyncLifetime
{
    private readonly PortalApp app = new();
    private PortalClient agentBrowser = default!;

    public Task InitializeAsync()
    {
        agentBrowser = app.CreatePortalClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        agentBrowser.Dispose();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task APageOpenedWhileImpersonating_IsSignedOutOnceTheAgentStopsInAnotherTab()
    {
        await agentBrowser.ImpersonateAsync(app, "serenity@demo.test");
        var openPage = app.ReadIdentityCookie(agentBrowser.IdentityCookie!)!.Principal;
        Assert.True(await IsStillValidAsync(openPage));

        using var stopped = await agentBrowser.PressStopAsync();

        Assert.False(await IsStillValidAsync(openPage));
    }

    [Fact]
    public async Task APageOpenedWhileImpersonating_IsSignedOutAfterThirtyMinutesAndTheEndIsRecorded()
    {
        await agentBrowser.ImpersonateAsync(app, "serenity@demo.test");
        var openPage = app.ReadIdentityCookie(agentBrowser.IdentityCookie!)!.Principal;
        app.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.True(await IsStillValidAsync(openPage));

        app.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.False(await IsStillValidAsync(openPage));
        Assert.Single(await app.ImpersonationEntriesAsync(), e => e.Action == AuditActions.ImpersonationStopped);
    }

    [Fact]
    public async Task AnAdminsOwnPage_StaysSignedIn()
    {
        await agentBrowser.SignInAsync("serenity@demo.test");
        var openPage = app.ReadIdentityCookie(agentBrowser.IdentityCookie!)!.Principal;
        app.Clock.Advance(TimeSpan.FromHours(2));

        Assert.True(await IsStillValidAsync(openPage));
    }

    private async Task<bool> IsStillValidAsync(System.Security.Claims.ClaimsPrincipal user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var provider = (IdentityRevalidatingAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        return await provider.IsStillValidAsync(user);
    }
}

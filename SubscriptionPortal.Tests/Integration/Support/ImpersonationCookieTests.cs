using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Support;
using SubscriptionPortal.Tests.Integration.Http;

namespace SubscriptionPortal.Tests.Integration.Support;

/// <summary>The impersonation lives in Identity's sign-in cookie: it must survive Identity's refreshes and nobody else's edits.</summary>
public sealed class ImpersonationCookieTests : IAsyncLifetime
{
    private PortalApp app = default!;
    private PortalClient client = default!;

    public Task InitializeAsync()
    {
        app = PortalApp.CheckingSecurityStampsEveryMinute();
        client = app.CreatePortalClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task ImpersonationClaims_SurviveTheSecurityStampRefresh()
    {
        await client.ImpersonateAsync(app, "serenity@demo.test");
        var issued = client.IdentityCookie;
        app.Clock.Advance(TimeSpan.FromMinutes(5));

        var page = WebUtility.HtmlDecode(await client.GetPageAsync("settings/subscription"));

        // A new cookie was issued by the stamp check, and it still says who is really acting.
        Assert.NotEqual(issued, client.IdentityCookie);
        var refreshed = app.ReadIdentityCookie(client.IdentityCookie!)!;
        Assert.InRange(app.Clock.GetUtcNow() - refreshed.Properties.IssuedUtc!.Value, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        var session = ImpersonationSession.From(refreshed.Principal);
        Assert.NotNull(session);
        Assert.Equal(("support@demo.test", "serenity@demo.test", 25), (session.AgentEmail, session.AdminEmail, session.MinutesLeft(app.Clock.GetUtcNow())));
        Assert.Contains("is acting as <strong>Hélène Dubois</strong> — 25 min left", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TamperedCookie_IsRejected()
    {
        await client.ImpersonateAsync(app, "serenity@demo.test");
        var genuine = client.IdentityCookie!;
        var middle = genuine.Length / 2;
        client.IdentityCookie = genuine[..middle] + (genuine[middle] == 'A' ? 'B' : 'A') + genuine[(middle + 1)..];

        using var response = await client.GetAsync("settings/subscription");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgedCookie_ClaimingAnImpersonation_IsRejected()
    {
        // An admin who writes themselves a cookie saying a support agent is acting for them:
        // the right shape and purpose, but not the app's key.
        await client.SignInAsync("serenity@demo.test");
        var own = app.ReadIdentityCookie(client.IdentityCookie!)!.Principal;
        var (agentId, _) = await app.AdminAsync("support@demo.test");
        var now = app.Clock.GetUtcNow();
        var claims = own.Claims.Select(c => new Claim(c.Type, c.Value)).Concat(new ImpersonationSession(
            agentId, "support@demo.test", "Sam Support", own.FindFirstValue(ClaimTypes.NameIdentifier)!, "serenity@demo.test", "Hélène Dubois",
            1, now, now.AddDays(30)).ToClaims());
        var forged = ForgedFormat().Protect(new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity(claims, IdentityConstants.ApplicationScheme)), IdentityConstants.ApplicationScheme));
        client.IdentityCookie = forged;

        using var response = await client.GetAsync("settings/subscription");

        Assert.Null(app.ReadIdentityCookie(forged));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private static TicketDataFormat ForgedFormat()
    {
        var keys = new DirectoryInfo(Path.Combine(Path.GetTempPath(), "sp-forger", Guid.NewGuid().ToString("N")));
        var provider = DataProtectionProvider.Create(keys, b => b.SetApplicationName("SubscriptionPortal"));
        return new TicketDataFormat(provider.CreateProtector(
            "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", IdentityConstants.ApplicationScheme, "v2"));
    }
}

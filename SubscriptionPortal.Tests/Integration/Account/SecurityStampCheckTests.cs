using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Data;
using SubscriptionPortal.Tests.Integration.Http;

namespace SubscriptionPortal.Tests.Integration.Account;

/// <summary>Identity's security-stamp check runs in a scope of its own: it must still refresh a good session and end a stale one.</summary>
public sealed class SecurityStampCheckTests : IAsyncLifetime
{
    private const string Admin = "serenity@demo.test";

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
    public async Task UnchangedStamp_KeepsTheSession_AndRenewsItsCookie_AtTheNextCheck()
    {
        await client.SignInAsync(Admin);
        var issued = client.IdentityCookie;
        app.Clock.Advance(TimeSpan.FromMinutes(5));

        var page = await client.GetPageAsync("settings/subscription");

        Assert.Contains("Subscription Plan", page, StringComparison.Ordinal);
        Assert.NotEqual(issued, client.IdentityCookie);
    }

    [Fact]
    public async Task ChangedStamp_EndsTheOldSession_AtTheNextCheck()
    {
        await client.SignInAsync(Admin);
        await client.GetPageAsync("settings/subscription");
        using (var scope = app.Services.CreateScope())
        {
            // What changing the password or signing out everywhere does to the account.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(Admin))!);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        using var response = await client.GetAsync("settings/subscription");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Account/Login", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }
}

using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Support;
using SubscriptionPortal.Tests.Integration.Http;

namespace SubscriptionPortal.Tests.Integration.Support;

/// <summary>What an impersonating agent cannot do, and what they can (SPEC §7).</summary>
public sealed class ImpersonationRestrictionTests : IAsyncLifetime
{
    private const string NewPassword = "Another-Password-2027!";

    private PortalApp app = default!;
    private PortalClient client = default!;

    /// <summary>The admin's own account forms, as the Identity pages post them: path, Blazor form name, fields.</summary>
    public static TheoryData<string, string, string[]> AccountForms => new()
    {
        { "Account/Manage/ChangePassword", "change-password", ["Input.OldPassword", PortalClient.DemoPassword, "Input.NewPassword", NewPassword, "Input.ConfirmPassword", NewPassword] },
        { "Account/Manage/SetPassword", "set-password", ["Input.NewPassword", NewPassword, "Input.ConfirmPassword", NewPassword] },
        { "Account/Manage/Email", "change-email", ["Input.NewEmail", "someone.else@example.org"] },
        { "Account/Manage/EnableAuthenticator", "send-code", ["Input.Code", "123456"] },
        { "Account/Manage/ResetAuthenticator", "reset-authenticator", [] },
        { "Account/Manage/Disable2fa", "disable-2fa", [] },
        { "Account/Manage/GenerateRecoveryCodes", "generate-recovery-codes", [] },
        { "Account/Manage", "profile", ["Input.PhoneNumber", "+33 1 23 45 67 89"] },
        { "Account/Manage/DeletePersonalData", "delete-user", ["Input.Password", PortalClient.DemoPassword] },
    };

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

    [Theory]
    [MemberData(nameof(AccountForms))]
    public async Task AccountChange_WhileImpersonating_IsRefusedWithAMessage_AndNothingChanges(string path, string formName, string[] fields)
    {
        await client.ImpersonateAsync(app, "serenity@demo.test");
        var before = await AccountOfAsync("serenity@demo.test");

        using var response = await client.PostFormAsync(path, await FormAsync(formName, fields));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/Account/Manage", response.Headers.Location?.OriginalString);
        var profile = WebUtility.HtmlDecode(await client.GetPageAsync("Account/Manage"));
        Assert.Contains("Support staff cannot change an admin's password, email, two-factor authentication or other account settings", profile, StringComparison.Ordinal);
        Assert.Equal(before, await AccountOfAsync("serenity@demo.test"));
    }

    [Theory]
    [InlineData("Account/Manage/ChangePassword", "change-password")]
    [InlineData("Account/Manage/ResetAuthenticator", "reset-authenticator")]
    [InlineData("Account/Manage", "profile")]
    public async Task SameAccountForm_ByTheAdminThemselves_DoesChangeTheirAccount(string path, string formName)
    {
        // The control for the test above: these fields really do change an account when allowed.
        await client.SignInAsync("serenity@demo.test");
        var before = await AccountOfAsync("serenity@demo.test");
        var fields = (string[])AccountForms.Single(row => (string)row[0] == path)[2];

        using var response = await client.PostFormAsync(path, await FormAsync(formName, fields));

        Assert.NotEqual(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.NotEqual(before, await AccountOfAsync("serenity@demo.test"));
    }

    [Fact]
    public async Task AuthenticatorPage_WhileImpersonating_IsNotShown_AndCreatesNoKey()
    {
        // The template's page creates an authenticator key on a mere visit.
        await client.ImpersonateAsync(app, "serenity@demo.test");
        var before = await AccountOfAsync("serenity@demo.test");

        using var response = await client.GetAsync("Account/Manage/EnableAuthenticator");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(before, await AccountOfAsync("serenity@demo.test"));
    }

    [Fact]
    public async Task MandateChange_WhileImpersonating_IsRefused_AndNothingChanges()
    {
        await client.ImpersonateAsync(app, "serenity@demo.test");
        var principal = CookiePrincipal();
        var before = await MandatesAsync();

        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<MandateService>().SignAsync(principal,
            new MandateForm { AccountHolder = "Someone Else", Iban = "FR76 3000 6000 0112 3456 7890 189", Authorised = true });

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal("Support staff cannot change a SEPA mandate while acting for an admin. Nothing was changed.", result.Message);
        Assert.Equal(before, await MandatesAsync());
    }

    [Fact]
    public async Task PaidOfferWithANewMandate_WhileImpersonating_IsRefused_AndNothingIsBilled()
    {
        // Les Amis du Vélo has no mandate: choosing a paid offer signs one first, which an agent may not do.
        await client.ImpersonateAsync(app, "liberty@demo.test");
        var principal = CookiePrincipal();
        await using var scope = app.Services.CreateAsyncScope();
        var changes = scope.ServiceProvider.GetRequiredService<SubscriptionChanges>();
        var quote = Assert.IsType<QuoteOutcome.Quoted>(await changes.QuoteAsync(principal, new ChangeTarget(CatalogSeed.Serenity, 50, Commitment.Monthly)));
        await using var db = app.OpenDatabase();
        var documents = await db.Documents.CountAsync();

        var outcome = await changes.ValidateAsync(principal, quote.Quote.Id,
            new MandateForm { AccountHolder = "Les Amis du Vélo", Iban = "FR76 3000 6000 0112 3456 7890 189", Authorised = true });

        Assert.Contains("SEPA mandate", Assert.IsType<ChangeOutcome.Refused>(outcome).Message, StringComparison.Ordinal);
        Assert.Equal(documents, await db.Documents.CountAsync());
        Assert.Equal(0, await db.Mandates.CountAsync(m => m.AccountHolder == "Les Amis du Vélo"));
    }

    [Fact]
    public async Task PlanChange_WhileImpersonating_IsAllowed_AndRecordedAsTheAgentOnBehalfOfTheAdmin()
    {
        var platformId = await client.ImpersonateAsync(app, "serenity@demo.test");
        var principal = CookiePrincipal();
        await using var scope = app.Services.CreateAsyncScope();
        var changes = scope.ServiceProvider.GetRequiredService<SubscriptionChanges>();
        var quote = Assert.IsType<QuoteOutcome.Quoted>(await changes.QuoteAsync(principal, new ChangeTarget(CatalogSeed.Professional, 250, Commitment.Monthly)));

        Assert.IsType<ChangeOutcome.Applied>(await changes.ValidateAsync(principal, quote.Quote.Id));

        await using var db = app.OpenDatabase();
        var entry = await db.AuditEntries.SingleAsync(a => a.PlatformId == platformId && a.Action == "subscription.changed" && a.ActorEmail == "support@demo.test");
        Assert.Equal("serenity@demo.test", entry.OnBehalfOfEmail);
    }

    private ClaimsPrincipal CookiePrincipal()
    {
        var principal = app.ReadIdentityCookie(client.IdentityCookie!)!.Principal;
        Assert.NotNull(ImpersonationSession.From(principal));
        return principal;
    }

    private async Task<Dictionary<string, string>> FormAsync(string formName, string[] fields)
    {
        var form = new Dictionary<string, string> { ["_handler"] = formName, [PortalClient.TokenField] = await client.AntiforgeryTokenAsync() };
        for (var i = 0; i < fields.Length; i += 2)
        {
            form[fields[i]] = fields[i + 1];
        }

        return form;
    }

    /// <summary>Everything an account change could write: the user's row and their tokens (authenticator key, recovery codes).</summary>
    private async Task<string> AccountOfAsync(string email)
    {
        await using var db = app.OpenDatabase();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
        var tokens = await db.UserTokens.AsNoTracking().Where(t => t.UserId == user.Id).OrderBy(t => t.LoginProvider).ThenBy(t => t.Name)
            .Select(t => t.LoginProvider + "/" + t.Name + "=" + t.Value).ToListAsync();
        return string.Join("|", user.Email, user.PasswordHash, user.SecurityStamp, user.ConcurrencyStamp, user.PhoneNumber, user.TwoFactorEnabled, string.Join(",", tokens));
    }

    private async Task<string> MandatesAsync()
    {
        await using var db = app.OpenDatabase();
        var mandates = await db.Mandates.AsNoTracking().OrderBy(m => m.Id).Select(m => $"{m.Id}:{m.Reference}:{m.RevokedAtUtc}").ToListAsync();
        return string.Join("|", mandates) + $"#{await db.AuditEntries.CountAsync(a => a.Action == "mandate.signed")}";
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Support;
using SubscriptionPortal.Tests.Integration.Http;

namespace SubscriptionPortal.Tests.Integration.Support;

public sealed class AuditLogTests : IAsyncLifetime
{
    private PortalApp app = default!;

    public Task InitializeAsync()
    {
        app = new PortalApp();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task SigningIn_IsRecordedOnTheAdminsPlatform()
    {
        using var client = app.CreatePortalClient();
        var (adminId, platformId) = await app.AdminAsync("serenity@demo.test");

        await client.SignInAsync("serenity@demo.test");

        await using var db = app.OpenDatabase();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.SignedIn);
        Assert.Equal((adminId, "serenity@demo.test", (int?)platformId, (string?)null, "Signed in with a password."),
            (entry.ActorUserId, entry.ActorEmail, entry.PlatformId, entry.OnBehalfOfEmail, entry.Details));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, entry.AtUtc);
    }

    [Fact]
    public async Task AFailedSignIn_RecordsNoSignIn()
    {
        using var client = app.CreatePortalClient();
        var fields = PortalClient.FormFields(await client.GetPageAsync("Account/Login"), "login");
        fields["Input.Email"] = "serenity@demo.test";
        fields["Input.Password"] = "not-the-password";

        using (await client.PostFormAsync("Account/Login", fields))
        {
        }

        await using var db = app.OpenDatabase();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SignedIn));
    }

    [Fact]
    public async Task Activity_ReadInFrench_TellsThePortalsSentencesInFrench_AndShowsWhatItDoesNotKnowAsStored()
    {
        using (var agent = app.CreatePortalClient())
        {
            await agent.ImpersonateAsync(app, "serenity@demo.test");
        }

        using var admin = app.CreatePortalClient();
        await admin.SignInAsync("serenity@demo.test");
        var principal = app.ReadIdentityCookie(admin.IdentityCookie!)!.Principal;
        using var scope = app.Services.CreateScope();
        using var french = CultureScope.French();

        var activity = await scope.ServiceProvider.GetRequiredService<ActivityLog>().ForCurrentPlatformAsync(principal);

        var rows = activity!.Rows.ToDictionary(r => r.Action);
        Assert.Equal("Connexion avec un mot de passe.", rows[AuditActions.SignedIn].Details);
        Assert.Equal($"Motif : {Impersonating.Reason}", rows[AuditActions.ImpersonationStarted].Details);
        // The demo's opening change, written by the seed: offer, tier and commitment in French, amounts in French format.
        Assert.Matches(@"^Liberty → Serenity 250 contacts mensuel; facture F-\d{4}-\d{6} \(\d+,\d{2} € TTC\)", rows[AuditActions.SubscriptionChanged].Details);
    }

    [Fact]
    public async Task AnAuditEntry_CannotBeChangedOrDeleted()
    {
        using var client = app.CreatePortalClient();
        await client.SignInAsync("serenity@demo.test");
        await using var db = app.OpenDatabase();
        var entry = await db.AuditEntries.FirstAsync();

        db.AuditEntries.Remove(entry);
        var deleting = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.Entry(entry).State = EntityState.Modified;
        var changing = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.All([deleting, changing], e => Assert.Contains("append-only", e.Message, StringComparison.Ordinal));
        await using var check = app.OpenDatabase();
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Id == entry.Id && a.Details == entry.Details));
    }

    [Fact]
    public async Task Activity_ShowsTheAdminTheirPlatformsLog_WithTheAgentsVisits_AndNothingOfOtherPlatforms()
    {
        using (var agent = app.CreatePortalClient())
        {
            await agent.ImpersonateAsync(app, "serenity@demo.test");
            using (await agent.PressStopAsync())
            {
            }
        }

        using var admin = app.CreatePortalClient();
        await admin.SignInAsync("serenity@demo.test");
        var principal = app.ReadIdentityCookie(admin.IdentityCookie!)!.Principal;
        using var scope = app.Services.CreateScope();

        var activity = await scope.ServiceProvider.GetRequiredService<ActivityLog>().ForCurrentPlatformAsync(principal);

        Assert.NotNull(activity);
        Assert.Equal("Chorale du Marais", activity.PlatformName);
        Assert.Equal(
            ["Signed in", "Impersonation stopped", "Impersonation started", "Subscription changed"],
            activity.Rows.Select(r => r.ActionLabel));
        var start = activity.Rows.Single(r => r.Action == AuditActions.ImpersonationStarted);
        Assert.Equal(("support@demo.test", "serenity@demo.test", $"Reason: {Impersonating.Reason}"), (start.Actor, start.OnBehalfOf, start.Details));
        await using var db = app.OpenDatabase();
        var lyon = await db.Platforms.SingleAsync(p => p.Name == "Club Nautique de Lyon");
        var lyonDetails = await db.AuditEntries.Where(a => a.PlatformId == lyon.Id).Select(a => a.Details).ToListAsync();
        Assert.DoesNotContain(activity.Rows, r => lyonDetails.Contains(r.Details));
    }

    [Fact]
    public async Task SupportPlatformPage_IsForSupportAgentsActingAsThemselvesOnly()
    {
        var (_, choraleId) = await app.AdminAsync("serenity@demo.test");
        using var agent = app.CreatePortalClient();
        await agent.SignInAsync("support@demo.test");
        var agentPrincipal = app.ReadIdentityCookie(agent.IdentityCookie!)!.Principal;
        using var scope = app.Services.CreateScope();
        var queries = scope.ServiceProvider.GetRequiredService<SupportPlatformQueries>();

        var view = await queries.GetAsync(agentPrincipal, choraleId);
        await agent.ImpersonateAsync(app, "serenity@demo.test");
        var whileImpersonating = await queries.GetAsync(app.ReadIdentityCookie(agent.IdentityCookie!)!.Principal, choraleId);

        Assert.NotNull(view);
        Assert.Equal(("Chorale du Marais", "Serenity"), (view.Name, view.Plan.OfferName));
        Assert.Equal(("Hélène Dubois", "serenity@demo.test", false), (view.Admins[0].Name, view.Admins[0].Email, view.Admins[0].IsSupportAgent));
        Assert.NotEmpty(view.Documents.Rows);
        Assert.Equal(view.Documents.Rows.Single().Number, Assert.Single(view.Debits).InvoiceNumber);
        Assert.Null(await queries.GetAsync(agentPrincipal, 999_999));
        Assert.Null(whileImpersonating);
    }
}

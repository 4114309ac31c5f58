using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Tests.Integration.Platforms;

/// <summary>An agent impersonating an admin who has two platforms stays on the one the impersonation is about (SPEC §7).</summary>
public sealed class ImpersonationScopeTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private ClaimsPrincipal admin = default!;
    private int choraleId;
    private int otherId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(seedDemo: true);
        // The admin's second platform, created by the admin themselves: it becomes their saved current platform.
        (admin, choraleId, otherId) = await TwoPlatformAdmin.CreateAsync(database);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    /// <summary>The admin's principal as the impersonation cookie carries it: their claims plus the agent's, on the Chorale.</summary>
    private async Task<ClaimsPrincipal> ImpersonatedAsync()
    {
        var agent = await database.PrincipalAsync("support@demo.test");
        var now = database.Clock.GetUtcNow();
        var session = new ImpersonationSession(agent.UserId(), "support@demo.test", "Sam Support", admin.UserId(), "serenity@demo.test", "Hélène Dubois",
            choraleId, now, now + ImpersonationSession.MaxDuration);
        var identity = new ClaimsIdentity(admin.Claims, "Test");
        identity.AddClaims(session.ToClaims());
        return new ClaimsPrincipal(identity);
    }

    private async Task<int?> SavedChoiceAsync()
    {
        await using var db = database.CreateContext();
        return await db.Users.Where(u => u.Email == "serenity@demo.test").Select(u => u.CurrentPlatformId).SingleAsync();
    }

    [Fact]
    public async Task CurrentPlatform_WhileImpersonating_IsTheImpersonatedOneNotTheAdminsChoice()
    {
        var impersonated = await ImpersonatedAsync();
        await using var db = database.CreateContext();

        Assert.Equal(otherId, await db.CurrentPlatformIdAsync(admin));
        Assert.Equal(choraleId, await db.CurrentPlatformIdAsync(impersonated));
    }

    [Fact]
    public async Task Context_WhileImpersonating_OffersOnlyTheImpersonatedPlatform()
    {
        var context = await database.Get<PlatformDirectory>().GetContextAsync(await ImpersonatedAsync());

        Assert.Equal("Chorale du Marais", context!.Current.Name);
        Assert.Equal(["Chorale du Marais"], context.All.Select(p => p.Name));
        // The admin themselves still sees both.
        Assert.Equal(2, (await database.Get<PlatformDirectory>().GetContextAsync(admin))!.All.Count);
    }

    [Fact]
    public async Task Switch_WhileImpersonating_IsRefusedAndLeavesTheAdminsSavedChoice()
    {
        var impersonated = await ImpersonatedAsync();

        Assert.False(await database.Get<PlatformDirectory>().SwitchAsync(impersonated, choraleId));
        Assert.False(await database.Get<PlatformDirectory>().SwitchAsync(impersonated, otherId));

        Assert.Equal(otherId, await SavedChoiceAsync());
    }

    [Fact]
    public async Task CreatePlatform_WhileImpersonating_IsRefusedWithAMessageAndCreatesNothing()
    {
        await using var db = database.CreateContext();
        var before = await db.Platforms.CountAsync();

        var created = await database.Get<PlatformProvisioning>().CreateAsync(await ImpersonatedAsync(),
            new OrganizationForm { Name = "Chorale Bis", BillingEmail = "bis@choraledumarais.test" }, Guid.NewGuid());

        Assert.Equal(CommandStatus.Invalid, created.Result.Status);
        Assert.Equal(PlatformProvisioning.ImpersonationRefusedMessage, created.Result.Message);
        Assert.Null(created.PlatformId);
        Assert.Equal(before, await db.Platforms.CountAsync());
        Assert.Equal(otherId, await SavedChoiceAsync());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "platform.created" && a.ActorEmail == "support@demo.test"));
    }

    [Fact]
    public async Task RecordsOfTheAdminsOtherPlatform_WhileImpersonating_AreNotReadable()
    {
        var impersonated = await ImpersonatedAsync();
        await using var db = database.CreateContext();

        Assert.True(await db.MayReadAsync(impersonated, choraleId));
        Assert.False(await db.MayReadAsync(impersonated, otherId));
        Assert.True(await db.MayReadAsync(admin, otherId));
    }
}

using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Tests.Integration.Platforms;

/// <summary>Which platform an admin with two platforms works on: their choice while they still administer it, else their first.</summary>
public sealed class CurrentPlatformTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private ClaimsPrincipal admin = default!;
    private int choraleId;
    private int secondId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(seedDemo: true);
        // The second platform gets a higher id than the Chorale and becomes the admin's saved choice.
        (admin, choraleId, secondId) = await TwoPlatformAdmin.CreateAsync(database);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<int?> CurrentAsync(ClaimsPrincipal user)
    {
        await using var db = database.CreateContext();
        return await db.CurrentPlatformIdAsync(user);
    }

    [Fact]
    public async Task CurrentPlatform_TheirChoiceThatIsNotTheirFirst_IsTheirChoice()
    {
        Assert.True(secondId > choraleId);

        Assert.Equal(secondId, await CurrentAsync(admin));
    }

    [Fact]
    public async Task CurrentPlatform_ChosenPlatformTheyNoLongerAdminister_IsTheirFirst()
    {
        await using (var db = database.CreateContext())
        {
            var userId = admin.UserId();
            await db.Memberships.Where(m => m.UserId == userId && m.PlatformId == secondId).ExecuteDeleteAsync();
        }

        Assert.Equal(choraleId, await CurrentAsync(admin));
    }

    [Fact]
    public async Task CurrentPlatform_NothingChosen_IsTheirFirst()
    {
        await using (var db = database.CreateContext())
        {
            var userId = admin.UserId();
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.CurrentPlatformId, (int?)null));
        }

        Assert.Equal(choraleId, await CurrentAsync(admin));
    }

    [Fact]
    public async Task CurrentPlatform_AdminOfNoPlatform_IsNone()
    {
        await using (var db = database.CreateContext())
        {
            var userId = admin.UserId();
            await db.Memberships.Where(m => m.UserId == userId).ExecuteDeleteAsync();
        }

        Assert.Null(await CurrentAsync(admin));
    }
}

using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Tests.Integration.Platforms;

/// <summary>The demo's Serenity admin with a second platform they created themselves, which became their saved choice.</summary>
internal sealed record TwoPlatformAdmin(ClaimsPrincipal Admin, int ChoraleId, int SecondId)
{
    public static async Task<TwoPlatformAdmin> CreateAsync(TestDatabase database)
    {
        var admin = await database.PrincipalAsync("serenity@demo.test");
        await using var db = database.CreateContext();
        var choraleId = await db.Platforms.Where(p => p.Name == "Chorale du Marais").Select(p => p.Id).SingleAsync();
        var created = await database.Get<PlatformProvisioning>().CreateAsync(admin, new OrganizationForm
        {
            Name = "Chorale des Enfants",
            BillingEmail = "enfants@choraledumarais.test",
        }, Guid.NewGuid());
        Assert.True(created.Result.Succeeded, created.Result.Message);
        return new TwoPlatformAdmin(admin, choraleId, created.PlatformId!.Value);
    }
}

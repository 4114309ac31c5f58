using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Common;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Subscriptions;

namespace SubscriptionPortal.Tests.Integration.Platforms;

public sealed class TenantIsolationTests : IAsyncLifetime
{
    private TestDatabase database = default!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(seedDemo: true);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task ContactSearch_ReturnsOnlyTheAdminsOwnPlatformsContacts()
    {
        var serenity = await database.PrincipalAsync("serenity@demo.test");
        await using var db = database.CreateContext();
        var chorale = await db.Platforms.SingleAsync(p => p.Name == "Chorale du Marais");
        var choraleIds = await db.Contacts.Where(c => c.PlatformId == chorale.Id).Select(c => c.Id).ToListAsync();

        var page = await database.Get<ContactDirectory>().SearchAsync(serenity, null, archived: false, 0, 100);
        var all = new List<ContactRow>(page.Items);
        for (var i = 1; all.Count < page.TotalCount; i++)
        {
            all.AddRange((await database.Get<ContactDirectory>().SearchAsync(serenity, null, false, i, 100)).Items);
        }

        Assert.Equal(180, page.TotalCount);
        Assert.All(all, c => Assert.Contains(c.Id, choraleIds));
    }

    [Fact]
    public async Task ContactSearch_ForAnotherPlatformsContactName_FindsNothing()
    {
        var liberty = await database.PrincipalAsync("liberty@demo.test");
        await using var db = database.CreateContext();
        var lyon = await db.Platforms.SingleAsync(p => p.Name == "Club Nautique de Lyon");
        var someoneInLyon = await db.Contacts.FirstAsync(c => c.PlatformId == lyon.Id);
        var libertyPlatform = await db.Platforms.SingleAsync(p => p.Name == "Les Amis du Vélo");
        var sameEmailInOwn = await db.Contacts.AnyAsync(c => c.PlatformId == libertyPlatform.Id && c.Email == someoneInLyon.Email);

        var page = await database.Get<ContactDirectory>().SearchAsync(liberty, someoneInLyon.Email, false, 0, 25);

        Assert.False(sameEmailInOwn);
        Assert.Equal(0, page.TotalCount);
    }

    [Fact]
    public async Task SubscriptionPlan_IsTheAdminsOwn()
    {
        var plans = database.Get<SubscriptionPlanQueries>();

        var liberty = await plans.GetAsync(await database.PrincipalAsync("liberty@demo.test"));
        var serenity = await plans.GetAsync(await database.PrincipalAsync("serenity@demo.test"));
        var pro = await plans.GetAsync(await database.PrincipalAsync("pro@demo.test"));

        Assert.Equal(("Les Amis du Vélo", "Liberty"), (liberty!.PlatformName, liberty.OfferName));
        Assert.Equal(("Chorale du Marais", "Serenity", 250, Commitment.Monthly), (serenity!.PlatformName, serenity.OfferName, serenity.TierMaxContacts!.Value, serenity.Commitment!.Value));
        Assert.Equal(("Club Nautique de Lyon", "Professional", 1000, Commitment.Annual), (pro!.PlatformName, pro.OfferName, pro.TierMaxContacts!.Value, pro.Commitment!.Value));
    }

    [Fact]
    public async Task SupportAgent_HasNoPlatformOfTheirOwn()
    {
        var support = await database.PrincipalAsync("support@demo.test");

        Assert.Null(await database.Get<SubscriptionPlanQueries>().GetAsync(support));
        Assert.Equal(0, (await database.Get<ContactDirectory>().SearchAsync(support, null, false, 0, 25)).TotalCount);
    }

    [Fact]
    public async Task SwitchingToAPlatformTheAdminDoesNotAdminister_ChangesNothing()
    {
        var serenity = await database.PrincipalAsync("serenity@demo.test");
        await using var db = database.CreateContext();
        var lyon = await db.Platforms.SingleAsync(p => p.Name == "Club Nautique de Lyon");

        var switched = await database.Get<PlatformDirectory>().SwitchAsync(serenity, lyon.Id);
        var context = await database.Get<PlatformDirectory>().GetContextAsync(serenity);

        Assert.False(switched);
        Assert.Equal("Chorale du Marais", context!.Current.Name);
    }
}

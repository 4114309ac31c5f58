using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Tests.Integration.Platforms;

public sealed class PlatformProvisioningTests : IAsyncLifetime
{
    private TestDatabase database = default!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(seedDemo: true);

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static OrganizationForm Form(string name = "Chorale des Enfants du Marais") => new()
    {
        Name = name,
        AddressLine = "21 rue Vieille du Temple",
        PostalCode = "75004",
        City = "Paris",
        Country = "France",
        Siren = "732 829 320",
        BillingEmail = "enfants@choraledumarais.test",
    };

    [Fact]
    public async Task Create_FromAPaidPlatformsAdmin_StartsEmptyOnLibertyWithTheCreatorAsAdmin()
    {
        var serenity = await database.PrincipalAsync("serenity@demo.test");

        var created = await database.Get<PlatformProvisioning>().CreateAsync(serenity, Form(), Guid.NewGuid());

        Assert.True(created.Result.Succeeded, created.Result.Message);
        await using var db = database.CreateContext();
        var platform = await db.Platforms.SingleAsync(p => p.Id == created.PlatformId);
        Assert.Equal(("Chorale des Enfants du Marais", "75004", "732829320", "enfants@choraledumarais.test"),
            (platform.Name, platform.PostalCode, platform.Siren, platform.BillingEmail));
        var subscription = await db.Subscriptions.SingleAsync(s => s.PlatformId == platform.Id);
        Assert.Equal((CatalogSeed.Liberty, false), (subscription.OfferCode, subscription.IsPaid));
        Assert.False(await db.Contacts.AnyAsync(c => c.PlatformId == platform.Id));
        Assert.False(await db.Documents.AnyAsync(d => d.PlatformId == platform.Id));
        Assert.False(await db.Mandates.AnyAsync(m => m.PlatformId == platform.Id));

        // Both platforms are in the switcher, the new one current.
        var context = await database.Get<PlatformDirectory>().GetContextAsync(serenity);
        Assert.Equal("Chorale des Enfants du Marais", context!.Current.Name);
        Assert.Equal(["Chorale des Enfants du Marais", "Chorale du Marais"], context.All.Select(p => p.Name));
        Assert.True(await database.Get<PlatformDirectory>().SwitchAsync(serenity, context.All.Single(p => p.Name == "Chorale du Marais").Id));
        Assert.Equal("Chorale du Marais", (await database.Get<PlatformDirectory>().GetContextAsync(serenity))!.Current.Name);
    }

    [Fact]
    public async Task Create_SameRequestTwice_CreatesOnePlatform()
    {
        var liberty = await database.PrincipalAsync("liberty@demo.test");
        var key = Guid.NewGuid();

        var results = await Task.WhenAll(
            database.Get<PlatformProvisioning>().CreateAsync(liberty, Form("Vélo Junior"), key),
            database.Get<PlatformProvisioning>().CreateAsync(liberty, Form("Vélo Junior"), key));

        Assert.All(results, r => Assert.True(r.Result.Succeeded));
        Assert.Equal(results[0].PlatformId, results[1].PlatformId);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Platforms.CountAsync(p => p.Name == "Vélo Junior"));
    }

    [Fact]
    public async Task Create_WithoutANameOrWithABadSiren_SaysWhyAndCreatesNothing()
    {
        var liberty = await database.PrincipalAsync("liberty@demo.test");
        var form = Form(" ");
        form.Siren = "123456789";
        await using var db = database.CreateContext();
        var before = await db.Platforms.CountAsync();

        var created = await database.Get<PlatformProvisioning>().CreateAsync(liberty, form, Guid.NewGuid());

        Assert.Equal(CommandStatus.Invalid, created.Result.Status);
        Assert.Equal(["Name", "Siren"], created.Result.FieldErrors!.Keys.Order());
        Assert.Equal(before, await db.Platforms.CountAsync());
    }

    [Fact]
    public async Task Create_ByASupportAgent_IsRefused()
    {
        var support = await database.PrincipalAsync("support@demo.test");

        var created = await database.Get<PlatformProvisioning>().CreateAsync(support, Form(), Guid.NewGuid());

        Assert.Equal(CommandStatus.Invalid, created.Result.Status);
        Assert.Null(created.PlatformId);
    }
}

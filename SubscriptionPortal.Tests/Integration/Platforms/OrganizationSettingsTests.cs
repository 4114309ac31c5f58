using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Tests.Integration.Platforms;

public sealed class OrganizationSettingsTests : IAsyncLifetime
{
    private TestDatabase database = default!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(seedDemo: true);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Theory]
    [InlineData("123456789", "billing@chorale.example", "Siren", "check digit")]
    [InlineData("12345", "billing@chorale.example", "Siren", "9 digits")]
    [InlineData("", "not-an-email", "BillingEmail", "valid email")]
    public async Task Save_WithBadInput_ExplainsWhichFieldAndSavesNothing(string siren, string email, string field, string message)
    {
        var admin = await database.PrincipalAsync("serenity@demo.test");
        var settings = database.Get<OrganizationSettings>();
        var form = (await settings.GetAsync(admin))!.Form;
        form.Name = "A new name that must not be saved";
        form.Siren = siren;
        form.BillingEmail = email;

        var result = await settings.SaveAsync(admin, form);

        Assert.False(result.Succeeded);
        Assert.Contains(message, result.FieldErrors![field]);
        await using var db = database.CreateContext();
        Assert.True(await db.Platforms.AnyAsync(p => p.Name == "Chorale du Marais"));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "organization.updated"));
    }

    [Fact]
    public async Task Save_WithValidDetails_SavesThemNormalisedAndRecordsIt()
    {
        var admin = await database.PrincipalAsync("serenity@demo.test");
        var settings = database.Get<OrganizationSettings>();
        var form = (await settings.GetAsync(admin))!.Form;
        form.Siren = "900 000 001";
        form.BillingEmail = "tresorerie@chorale.example";

        var result = await settings.SaveAsync(admin, form);

        Assert.True(result.Succeeded);
        await using var db = database.CreateContext();
        var platform = await db.Platforms.SingleAsync(p => p.Name == "Chorale du Marais");
        Assert.Equal(("900000001", "tresorerie@chorale.example"), (platform.Siren, platform.BillingEmail));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.PlatformId == platform.Id && a.Action == "organization.updated" && a.ActorEmail == "serenity@demo.test"));
    }
}

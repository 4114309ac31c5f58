using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Tests.Integration.Platforms;

public sealed class BillingLanguageSettingTests : IAsyncLifetime
{
    private TestDatabase database = default!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(seedDemo: true);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Get_PlatformThatNeverChoseOne_IsFrench()
    {
        var admin = await database.PrincipalAsync("serenity@demo.test");

        var view = await database.Get<OrganizationSettings>().GetAsync(admin);

        Assert.Equal("fr-FR", view!.Form.BillingLanguage);
        await using var db = database.CreateContext();
        Assert.All(await db.Platforms.Select(p => p.BillingLanguage).ToListAsync(), language => Assert.Equal("fr-FR", language));
    }

    [Fact]
    public async Task Save_English_StoresItAndRecordsItInTheActivity()
    {
        var admin = await database.PrincipalAsync("serenity@demo.test");
        var settings = database.Get<OrganizationSettings>();
        var form = (await settings.GetAsync(admin))!.Form;
        form.BillingLanguage = BillingLanguage.English;

        var result = await settings.SaveAsync(admin, form);

        Assert.True(result.Succeeded);
        Assert.Equal("en-GB", (await settings.GetAsync(admin))!.Form.BillingLanguage);
        await using var db = database.CreateContext();
        var platform = await db.Platforms.SingleAsync(p => p.Name == "Chorale du Marais");
        Assert.Equal("en-GB", platform.BillingLanguage);
        var entry = await db.AuditEntries.SingleAsync(a => a.PlatformId == platform.Id && a.Action == "organization.updated");
        Assert.Equal("serenity@demo.test", entry.ActorEmail);
        Assert.Contains("\"BillingLanguage\":\"en-GB\"", entry.Details);
    }

    [Fact]
    public async Task Save_FrenchAgainAfterEnglish_StoresFrench()
    {
        var admin = await database.PrincipalAsync("serenity@demo.test");
        var settings = database.Get<OrganizationSettings>();
        var form = (await settings.GetAsync(admin))!.Form;
        form.BillingLanguage = BillingLanguage.English;
        Assert.True((await settings.SaveAsync(admin, form)).Succeeded);

        form.BillingLanguage = BillingLanguage.French;
        Assert.True((await settings.SaveAsync(admin, form)).Succeeded);

        Assert.Equal("fr-FR", (await settings.GetAsync(admin))!.Form.BillingLanguage);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr")]
    [InlineData("en")]
    [InlineData("EN-GB")]
    [InlineData("en-US")]
    [InlineData("")]
    [InlineData(" en-GB")]
    [InlineData("fr-FR'; DROP TABLE Platforms; --")]
    public async Task Save_UnsupportedLanguage_IsRefusedWithAClearMessageAndNothingChanges(string language)
    {
        var admin = await database.PrincipalAsync("serenity@demo.test");
        var settings = database.Get<OrganizationSettings>();
        var form = (await settings.GetAsync(admin))!.Form;
        form.Name = "A new name that must not be saved";
        form.BillingLanguage = language;

        var result = await settings.SaveAsync(admin, form);

        Assert.False(result.Succeeded);
        Assert.Contains("Nothing was saved", result.Message);
        Assert.Equal("Choose French (fr-FR) or English (en-GB) as the billing language.", result.FieldErrors![nameof(OrganizationForm.BillingLanguage)]);
        await using var db = database.CreateContext();
        var platform = await db.Platforms.SingleAsync(p => p.Name == "Chorale du Marais");
        Assert.Equal("fr-FR", platform.BillingLanguage);
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "organization.updated"));
    }
}

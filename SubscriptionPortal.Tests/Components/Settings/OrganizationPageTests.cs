using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Components.Pages.Settings;
using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Tests.Components.Settings;

public sealed class OrganizationPageTests : DatabaseComponentTest
{
    [Fact]
    public async Task Save_WithAVatNumberWhoseKeyIsWrong_ExplainsItAndSavesNothing()
    {
        Context.Services.AddSingleton(_ => Database.Get<OrganizationSettings>());
        await SignInAsync("serenity@demo.test");
        var cut = Context.Render<OrganizationPage>();
        cut.WaitForElement("button");

        InputLabelled(cut, "Association name").Input("A name that must not be saved");
        InputLabelled(cut, "VAT number").Change("FR45 732829320");
        InputLabelled(cut, "RNA number").Change("W751234567");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save").Click();

        cut.WaitForAssertion(() => Assert.Contains("Nothing was saved", cut.Find("[role=alert]").TextContent));
        Assert.Contains("This VAT number's key does not match its SIREN — please check for a typo", cut.Markup);
        await using var db = Database.CreateContext();
        var platform = await db.Platforms.SingleAsync(p => p.Name == "Chorale du Marais");
        Assert.Equal((null, null), (platform.VatNumber, platform.Rna));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "organization.updated"));
    }

    [Fact]
    public async Task Save_WithAValidVatNumberAndRna_StoresThemCompact()
    {
        Context.Services.AddSingleton(_ => Database.Get<OrganizationSettings>());
        await SignInAsync("serenity@demo.test");
        var cut = Context.Render<OrganizationPage>();
        cut.WaitForElement("button");

        InputLabelled(cut, "SIREN").Change("732 829 320");
        InputLabelled(cut, "VAT number").Change("fr 44 732 829 320");
        InputLabelled(cut, "RNA number").Change("w 751 234 567");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save").Click();

        await using var db = Database.CreateContext();
        cut.WaitForAssertion(() => Assert.True(db.AuditEntries.Any(a => a.Action == "organization.updated")));
        var platform = await db.Platforms.AsNoTracking().SingleAsync(p => p.Name == "Chorale du Marais");
        Assert.Equal(("FR44732829320", "W751234567"), (platform.VatNumber, platform.Rna));
    }
}

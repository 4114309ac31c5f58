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

    [Fact]
    public async Task Save_WithAServiceAddress_StoresItAndRecordsItInTheActivity()
    {
        Context.Services.AddSingleton(_ => Database.Get<OrganizationSettings>());
        await SignInAsync("serenity@demo.test");
        var cut = Context.Render<OrganizationPage>();
        cut.WaitForElement("button");

        Assert.Contains("Service address, if different from the postal address", cut.Find("[data-testid=service-address] h2").TextContent);
        InputLabelled(cut, "Service address").Change("Salle des fêtes\n2 rue Debelleyme");
        InputLabelled(cut, "Service postal code").Change("75003");
        InputLabelled(cut, "Service city").Change("Paris");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save").Click();

        await using var db = Database.CreateContext();
        cut.WaitForAssertion(() => Assert.True(db.AuditEntries.Any(a => a.Action == "organization.updated")));
        var platform = await db.Platforms.AsNoTracking().SingleAsync(p => p.Name == "Chorale du Marais");
        Assert.NotNull(platform.ServiceAddress);
        Assert.Equal(("Salle des fêtes\n2 rue Debelleyme", "75003", "Paris", "France"),
            (platform.ServiceAddress.AddressLine, platform.ServiceAddress.PostalCode, platform.ServiceAddress.City, platform.ServiceAddress.Country));
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "organization.updated");
        Assert.Contains("\"ServiceAddress\":{\"AddressLine\":\"Salle des f", entry.Details);
    }

    [Fact]
    public async Task Save_WithAHalfFilledServiceAddress_ExplainsItAndSavesNothing()
    {
        Context.Services.AddSingleton(_ => Database.Get<OrganizationSettings>());
        await SignInAsync("serenity@demo.test");
        var cut = Context.Render<OrganizationPage>();
        cut.WaitForElement("button");

        InputLabelled(cut, "Association name").Input("A name that must not be saved");
        InputLabelled(cut, "Service address").Change("2 rue Debelleyme");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save").Click();

        cut.WaitForAssertion(() => Assert.Contains("Nothing was saved", cut.Find("[role=alert]").TextContent));
        Assert.Contains("Needed for a service address, or leave every service address field empty.", cut.Find("[data-testid=service-address]").TextContent);
        await using var db = Database.CreateContext();
        var platform = await db.Platforms.AsNoTracking().SingleAsync(p => p.Name == "Chorale du Marais");
        Assert.Null(platform.ServiceAddress);
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "organization.updated"));
    }
}

using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Components.Pages.Settings;
using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Tests.Components.Settings;

public sealed class BillingLanguageFieldTests : DatabaseComponentTest
{
    [Fact]
    public async Task OrganizationPage_PlatformThatNeverChose_ShowsBillingLanguageFrancais()
    {
        Context.Services.AddSingleton(_ => Database.Get<OrganizationSettings>());
        await SignInAsync("serenity@demo.test");

        var cut = Context.Render<OrganizationPage>();
        cut.WaitForElement("button");

        Assert.Equal("Français", InputLabelled(cut, "Billing language").GetAttribute("value"));
    }

    [Fact]
    public async Task OrganizationPage_ChoosingEnglishAndSaving_StoresEnGb()
    {
        Context.Services.AddSingleton(_ => Database.Get<OrganizationSettings>());
        await SignInAsync("serenity@demo.test");
        var popovers = Context.Render<MudBlazor.MudPopoverProvider>();
        var cut = Context.Render<OrganizationPage>();
        cut.WaitForElement("button");

        cut.Find("[data-testid=billing-language]").Closest(".mud-input-control")!.MouseDown();
        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll(".mud-list-item"), item => item.TextContent.Trim() == "English"));
        popovers.FindAll(".mud-list-item").Single(item => item.TextContent.Trim() == "English").Click();
        cut.WaitForAssertion(() => Assert.Equal("English", InputLabelled(cut, "Billing language").GetAttribute("value")));
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save").Click();

        await using var db = Database.CreateContext();
        cut.WaitForAssertion(() => Assert.True(db.AuditEntries.Any(a => a.Action == "organization.updated")));
        var platform = await db.Platforms.AsNoTracking().SingleAsync(p => p.Name == "Chorale du Marais");
        Assert.Equal("en-GB", platform.BillingLanguage);
    }

    [Fact]
    public void Field_InFrench_IsLabelledInFrenchAndNamesEachLanguageInItself()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            Context.Render<MudBlazor.MudPopoverProvider>();
            var cut = Context.Render<BillingLanguageField>(p => p.Add(f => f.Value, "en-GB"));

            Assert.Equal("English", InputLabelled(cut, "Langue de facturation").GetAttribute("value"));
            Assert.Contains("Un document en anglais porte aussi le texte français exigé par la loi", cut.Markup);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Field_WithAnError_ShowsIt()
    {
        var cut = Context.Render<BillingLanguageField>(p => p
            .Add(f => f.Value, "de-DE")
            .Add(f => f.Error, OrganizationSettings.UnsupportedBillingLanguageMessage));

        Assert.Contains("Choose French (fr-FR) or English (en-GB) as the billing language.", cut.Markup);
    }
}

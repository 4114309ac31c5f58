using Bunit;
using SubscriptionPortal.Components.Pages.Settings.Subscription;
using SubscriptionPortal.Subscriptions;

namespace SubscriptionPortal.Tests.Components.Settings.Subscription;

public sealed class OfferTabsTests : DatabaseComponentTest
{
    [Fact]
    public async Task PaidPlatform_MarksItsOfferAndExplainsWhyFreeOffersCannotBeChosen()
    {
        var user = await SignInAsync("pro@demo.test");
        var choices = await Database.Get<OfferChoiceQueries>().GetOfferChoicesAsync(user);

        var cut = Context.Render<OfferTabs>(p => p.Add(x => x.Choices, choices!));

        Assert.Contains("Current offer", cut.Find("[data-testid=current-offer]").TextContent);
        Assert.Contains("Club Nautique", choices!.Plan.PlatformName);
        var liberty = choices.Offers.Single(o => o.Code == "liberty");
        Assert.Contains("A paid platform cannot become free", liberty.UnavailableReason);
        var serenity = choices.Offers.Single(o => o.Code == "serenity");
        Assert.NotNull(serenity.Tiers.Single(t => t.MaxContacts == 250).UnavailableReason);
        Assert.Null(serenity.Tiers.Single(t => t.MaxContacts == 500).UnavailableReason);
        Assert.Equal((60.00m, 72.00m, 576.00m, 691.20m), (serenity.Tiers[2].MonthlyExcludingVat, serenity.Tiers[2].MonthlyIncludingVat, serenity.Tiers[2].AnnualExcludingVat, serenity.Tiers[2].AnnualIncludingVat));
    }

    [Fact]
    public async Task FreeTabOfAPaidPlatform_ShowsTheWayOutAndNoChooseButton()
    {
        var user = await SignInAsync("serenity@demo.test");
        var choices = await Database.Get<OfferChoiceQueries>().GetOfferChoicesAsync(user);
        var cut = Context.Render<OfferTabs>(p => p.Add(x => x.Choices, choices!));

        cut.FindAll(".mud-tab").First(t => t.TextContent.Contains("Liberty")).Click();

        var unavailable = cut.Find("[data-testid=offer-unavailable]");
        Assert.Contains("cancel the paid subscription", unavailable.TextContent);
        Assert.Contains("export your data", unavailable.TextContent);
        Assert.Contains("create a new 100 % free platform", unavailable.TextContent);
        Assert.DoesNotContain(cut.FindAll("a"), a => a.TextContent.Trim() == "Choose");
    }

    [Fact]
    public async Task FreePlatform_CanChooseEveryPaidOffer()
    {
        var user = await SignInAsync("liberty@demo.test");
        var choices = await Database.Get<OfferChoiceQueries>().GetOfferChoicesAsync(user);
        var cut = Context.Render<OfferTabs>(p => p.Add(x => x.Choices, choices!));

        cut.FindAll(".mud-tab").First(t => t.TextContent.Contains("Serenity")).Click();

        Assert.Contains(cut.FindAll("a"), a => a.TextContent.Trim() == "Choose" && a.GetAttribute("href") == "settings/subscription/choose/serenity");
        Assert.Empty(cut.FindAll("[data-testid=offer-unavailable]"));
    }
}

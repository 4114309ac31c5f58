using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Components.Pages.Settings.Subscription;
using SubscriptionPortal.Subscriptions;

namespace SubscriptionPortal.Tests.Components.Settings.Subscription;

/// <summary>The change flow rendered for a French user: its French labels, amounts and dates in French.</summary>
public sealed class ChangeFlowInFrenchTests : DatabaseComponentTest
{
    private const string Nbsp = "\u00A0";

    public ChangeFlowInFrenchTests() => Context.Services.AddSingleton(_ => Database.Get<SubscriptionLifecycle>());

    [Fact]
    public async Task SubscriptionPlan_InFrench_OffersToChangeOrCancelTheSubscription()
    {
        using var _ = CultureScope.French();
        await SignInAsync("serenity@demo.test");

        var cut = Context.Render<SubscriptionPlanPage>();

        cut.WaitForElement("[data-testid=plan-offer]");
        Assert.Equal("Plan d'abonnement", cut.Find("h1").TextContent);
        var buttons = cut.FindAll("a, button").Select(b => b.TextContent.Trim()).ToList();
        Assert.Contains("Changer d'abonnement", buttons);
        Assert.Contains("Résilier l'abonnement", buttons);
        Assert.Equal("Mensuel", cut.Find("[data-testid=plan-commitment]").TextContent);
        Assert.Equal("10 mars 2026 – 9 avr. 2026", cut.Find("[data-testid=plan-period]").TextContent);
        Assert.Contains("180 utilisés sur 250", cut.Find("[data-testid=plan-contacts]").TextContent);
    }

    [Fact]
    public async Task ChangeSubscription_InFrench_LeadsToTheOffers()
    {
        using var _ = CultureScope.French();
        await SignInAsync("serenity@demo.test");

        var cut = Context.Render<SubscriptionPage>();

        cut.WaitForElement("[data-testid=plan-offer]");
        Assert.Equal("Changer d'abonnement", cut.Find("h1").TextContent);
        Assert.Contains("Voir les offres", cut.FindAll("a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task Offers_InFrench_KeepTheBrandNamesAndOfferToChoose()
    {
        using var _ = CultureScope.French();
        await SignInAsync("serenity@demo.test");

        var cut = Context.Render<OffersPage>();

        cut.WaitForElement("[data-testid=current-offer]");
        Assert.Equal("Offres", cut.Find("h1").TextContent);
        Assert.Equal("Offre actuelle", cut.Find("[data-testid=current-offer]").TextContent.Trim());
        Assert.Contains("Professional", cut.Markup);
        Assert.Contains("Choisir", cut.FindAll("a").Select(a => a.TextContent.Trim()));
        var price = cut.Find(".offer-prices tbody td:nth-child(2)").TextContent;
        Assert.Matches(@"^\d{1,3}(\u202F\d{3})*,\d\d\u00A0€ TTC \(\d{1,3}(\u202F\d{3})*,\d\d\u00A0€ HT\)$", price);
    }

    [Fact]
    public async Task Quote_InFrench_WritesAmountsAndDatesTheFrenchWay()
    {
        using var _ = CultureScope.French();
        await SignInAsync("serenity@demo.test");
        var navigation = Context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("settings/subscription/choose/professional");

        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var cut = Context.Render<OfferChoicePage>(p => p.Add(x => x.OfferCode, "professional"));

        cut.WaitForElement("[data-testid=quote-invoice]");
        Assert.Equal($"−32,52{Nbsp}€", cut.Find("[data-testid=credit-ttc]").TextContent);
        Assert.Equal($"90,00{Nbsp}€", cut.Find("[data-testid=invoice-ttc]").TextContent);
        Assert.Equal($"Montant prélevé : 57,48{Nbsp}€", cut.Find("[data-testid=quote-amount-due]").TextContent);
        Assert.Equal("Prélevé par prélèvement SEPA le 23 mars 2026", cut.Find("[data-testid=quote-debit-date]").TextContent);
        Assert.Contains("Avoir", cut.Find("[data-testid=quote-credit-note]").TextContent);
        Assert.Contains("Total TTC", cut.Find("[data-testid=quote-invoice]").TextContent);
        Assert.Contains("Valider l'offre", cut.FindAll("button").Select(b => b.TextContent.Trim()));
    }

    [Fact]
    public async Task Refusal_InFrench_ComesFromTheServiceInFrench()
    {
        using var _ = CultureScope.French();
        await SignInAsync("serenity@demo.test");
        var navigation = Context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("settings/subscription/choose/serenity?tier=250&commitment=monthly");

        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var cut = Context.Render<OfferChoicePage>(p => p.Add(x => x.OfferCode, "serenity"));

        cut.WaitForElement("[data-testid=quote-message]");
        Assert.StartsWith("Rien à changer", cut.Find("[data-testid=quote-message]").TextContent.Trim());
    }
}

using Bunit;
using SubscriptionPortal.Components.Pages;
using SubscriptionPortal.Components.Pages.Support;

namespace SubscriptionPortal.Tests.Components.Pages;

public sealed class TopLevelPagesInFrenchTests : PageRenderTest
{
    [Fact]
    public async Task Dashboard_InFrench_ShowsTheFrenchLabelsAndKeepsTheOfferName()
    {
        UseCulture("fr-FR");
        await SignInAsync("serenity@demo.test");

        var page = RenderPage<Home>();

        page.WaitForAssertion(() => Assert.Equal("Serenity", page.Find("[data-testid=dashboard-offer]").TextContent.Trim()));
        Assert.Equal("Tableau de bord", page.Find("h1").TextContent.Trim());
        Assert.Contains("Contacts utilisés", page.Markup);
        Assert.Contains("Prochain renouvellement", page.Markup);
        Assert.Contains("engagement mensuel", page.Markup);
        Assert.Contains("Plan d'abonnement", page.Markup);
    }

    [Fact]
    public async Task Contacts_InFrench_NamesTheColumnsAndThePager()
    {
        UseCulture("fr-FR");
        await SignInAsync("serenity@demo.test");

        var page = RenderPage<Contacts>();

        page.WaitForAssertion(() => Assert.Contains("Lignes par page", page.Markup));
        var headers = page.FindAll("th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(["Nom", "Prénom", "Adresse e-mail"], headers);
        Assert.Contains("Archivés", page.Markup);
    }

    [Fact]
    public async Task SupportConsole_InFrench_ListsPlatformsUnderFrenchHeadings()
    {
        UseCulture("fr-FR");
        await SignInAsync("support@demo.test");

        var page = RenderPage<SupportConsole>();

        page.WaitForAssertion(() => Assert.Contains("Chorale du Marais", page.Markup));
        Assert.Equal("Console du support", page.Find("h1").TextContent.Trim());
        Assert.Equal(["Plateforme", "Offre", "Admins"], page.FindAll("th").Select(th => th.TextContent.Trim()).ToList());
    }

    [Fact]
    public async Task SupportConsole_InFrench_AnnouncesHowManyPlatformsTheSearchFound()
    {
        UseCulture("fr-FR");
        await SignInAsync("support@demo.test");

        var page = RenderPage<SupportConsole>();
        page.WaitForAssertion(() => Assert.Matches(@"^\d+ plateformes$", page.Find("[data-testid=search-summary]").TextContent.Trim()));

        page.Find("input").Input("serenity@demo");

        page.WaitForAssertion(() => Assert.Equal("1 plateforme correspond à « serenity@demo ».", page.Find("[data-testid=search-summary]").TextContent.Trim()));
        Assert.Equal("status", page.Find("[data-testid=search-summary]").GetAttribute("role"));

        page.Find("input").Input("zzz-nothing");

        page.WaitForAssertion(() => Assert.Equal("Aucune plateforme ne correspond à « zzz-nothing ».", page.Find("[data-testid=search-summary]").TextContent.Trim()));
    }

    [Fact]
    public async Task SupportPlatformPage_InFrench_ShowsTheImpersonateButtonAndFrenchActivityLabels()
    {
        UseCulture("fr-FR");
        await SignInAsync("support@demo.test");
        var page = RenderPage<SupportPlatformPage>(new Dictionary<string, object?> { ["Id"] = await Database.PlatformIdAsync("Chorale du Marais") });

        page.WaitForAssertion(() => Assert.Equal("Chorale du Marais", page.Find("h1").TextContent.Trim()));
        Assert.Contains("Agir en tant que", page.Markup);
        Assert.Contains("Prélèvements", page.Markup);
        Assert.Contains("Abonnement modifié", page.Markup);
    }

    [Fact]
    public async Task OverduePage_InFrench_CountsPlatformsByFrenchState()
    {
        UseCulture("fr-FR");
        await SignInAsync("support@demo.test");

        var page = RenderPage<OverduePage>();

        page.WaitForAssertion(() => Assert.Contains("Paiement rejeté\u00a0: 0", page.Find("[data-testid=overdue-counts]").TextContent));
        Assert.Equal("Impayés", page.Find("h1").TextContent.Trim());
        Assert.Contains("Aucune plateforme n'est en impayé.", page.Markup);
    }
}

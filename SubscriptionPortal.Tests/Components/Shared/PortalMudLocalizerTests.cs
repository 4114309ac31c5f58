using Bunit;
using MudBlazor;

namespace SubscriptionPortal.Tests.Components.Shared;

/// <summary>MudBlazor's own texts follow the reader's language through the portal's MudLocalizer.</summary>
public sealed class PortalMudLocalizerTests : PortalComponentTest
{
    [Fact]
    public void AlertCloseButton_ReadInFrench_IsNamedFermer()
    {
        using var french = CultureScope.French();

        var cut = Context.Render<MudAlert>(p => p.Add(a => a.ShowCloseIcon, true).AddChildContent("Texte"));

        Assert.Equal("Fermer", cut.Find("button").GetAttribute("aria-label"));
    }

    [Fact]
    public void AlertCloseButton_ReadInEnglish_KeepsMudBlazorsEnglish()
    {
        using var english = CultureScope.English();

        var cut = Context.Render<MudAlert>(p => p.Add(a => a.ShowCloseIcon, true).AddChildContent("Text"));

        Assert.Equal("Close", cut.Find("button").GetAttribute("aria-label"));
    }

    [Fact]
    public void Breadcrumbs_ReadInFrench_AreNamedFilDAriane()
    {
        using var french = CultureScope.French();

        var cut = Context.Render<MudBreadcrumbs>(p => p.Add(b => b.Items, [new BreadcrumbItem("Paramètres", "/settings")]));

        Assert.Equal("Fil d'Ariane", cut.Find("nav").GetAttribute("aria-label"));
    }
}

using Bunit;
using SubscriptionPortal.Components.Shared;

namespace SubscriptionPortal.Tests.Components.Shared;

/// <summary>The pages' loading bar is a progress bar with a name, in the reader's language.</summary>
public sealed class LoadingBarTests : PortalComponentTest
{
    [Fact]
    public void LoadingBar_ReadInEnglish_IsAProgressBarNamedLoading()
    {
        using var english = CultureScope.English();

        var cut = Context.Render<LoadingBar>();

        Assert.Equal("Loading…", cut.Find("[role=progressbar]").GetAttribute("aria-label"));
    }

    [Fact]
    public void LoadingBar_ReadInFrench_IsNamedChargement()
    {
        using var french = CultureScope.French();

        var cut = Context.Render<LoadingBar>();

        Assert.Equal("Chargement…", cut.Find("[role=progressbar]").GetAttribute("aria-label"));
    }

    [Fact]
    public void LoadingBar_GivenWhatIsAwaited_IsNamedAfterIt()
    {
        var cut = Context.Render<LoadingBar>(p => p.Add(b => b.Label, "Calculating your quote…").Add(b => b.Class, "mb-2"));

        var bar = cut.Find("[role=progressbar]");
        Assert.Equal("Calculating your quote…", bar.GetAttribute("aria-label"));
        Assert.Contains("mb-2", bar.ClassList);
    }
}

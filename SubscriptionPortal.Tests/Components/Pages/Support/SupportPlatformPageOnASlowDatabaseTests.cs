using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Components.Pages.Support;

namespace SubscriptionPortal.Tests.Components.Pages.Support;

/// <summary>
/// A platform's support page when the database answers late: the last query of each reading (its admins)
/// is held until the test lets it through.
/// </summary>
public sealed class SupportPlatformPageOnASlowDatabaseTests : PageRenderTest
{
    private readonly HeldCommands gate = new(sql => sql.Contains("FROM \"Memberships\"", StringComparison.Ordinal));

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IInterceptor>(gate);

    [Fact]
    public async Task APlatformAnsweredAfterTheNextOneOpened_DoesNotReplaceIt()
    {
        var page = await OpenTwoPlatformsHeldAsync();

        gate.Release(1);
        page.WaitForAssertion(() => Assert.Equal("Club Nautique de Lyon", Heading(page)));
        await gate.ReleaseAndAwaitRenderAsync(page, 0);

        Assert.Equal("Club Nautique de Lyon", Heading(page));
    }

    [Fact]
    public async Task ThePageSaysItIsLoading_UntilTheLastPlatformOpenedHasAnswered()
    {
        var page = await OpenTwoPlatformsHeldAsync();
        await gate.ReleaseAndAwaitRenderAsync(page, 0);

        Assert.NotEmpty(page.FindAll("[role=progressbar]"));
        Assert.Empty(page.FindAll("h1"));

        gate.Release(1);
        page.WaitForAssertion(() => Assert.Equal("Club Nautique de Lyon", Heading(page)));
    }

    /// <summary>The Chorale's page open, then the Amis du Vélo's and the Club Nautique's asked for, both held: the first is held command 0, the second 1.</summary>
    private async Task<IRenderedComponent<IComponent>> OpenTwoPlatformsHeldAsync()
    {
        await SignInAsync("support@demo.test");
        var page = RenderPage<SupportPlatformPage>(new Dictionary<string, object?> { [nameof(SupportPlatformPage.Id)] = await Database.PlatformIdAsync("Chorale du Marais") });
        page.WaitForAssertion(() => Assert.Equal("Chorale du Marais", Heading(page)));
        var platform = page.FindComponent<SupportPlatformPage>();

        gate.Close();
        var velo = await Database.PlatformIdAsync("Les Amis du Vélo");
        var nautique = await Database.PlatformIdAsync("Club Nautique de Lyon");
        platform.Render(p => p.Add(x => x.Id, velo));
        await gate.NextHeldAsync();
        platform.Render(p => p.Add(x => x.Id, nautique));
        await gate.NextHeldAsync();
        return page;
    }

    private static string Heading(IRenderedComponent<IComponent> page) => page.Find("h1").TextContent.Trim();
}

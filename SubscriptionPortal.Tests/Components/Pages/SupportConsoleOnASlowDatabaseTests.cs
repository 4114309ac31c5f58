using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Components.Pages.Support;

namespace SubscriptionPortal.Tests.Components.Pages;

/// <summary>The support console's search when the database answers late: each search by a term is held until the test lets it through.</summary>
public sealed class SupportConsoleOnASlowDatabaseTests : PageRenderTest
{
    private readonly HeldCommands gate = new(sql => sql.Contains("LIKE", StringComparison.Ordinal));

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IInterceptor>(gate);

    [Fact]
    public async Task ASearchAnsweredAfterTheNextOne_DoesNotReplaceItsResults()
    {
        var page = await SearchTwiceHeldAsync();

        gate.Release(1);
        page.WaitForAssertion(() => Assert.Equal("1 platform matches “serenity@demo”.", Summary(page)));
        await gate.ReleaseAndAwaitRenderAsync(page, 0);

        Assert.Equal("1 platform matches “serenity@demo”.", Summary(page));
        Assert.Single(page.FindAll("tbody tr"));
    }

    [Fact]
    public async Task TheConsoleSaysItIsSearching_UntilTheLastSearchHasAnswered()
    {
        var page = await SearchTwiceHeldAsync();
        await gate.ReleaseAndAwaitRenderAsync(page, 0);
        Assert.Equal("Searching…", Summary(page));

        gate.Release(1);
        page.WaitForAssertion(() => Assert.Equal("1 platform matches “serenity@demo”.", Summary(page)));
    }

    /// <summary>"demo", then "serenity@demo", both searches held: the first is held command 0, the second 1.</summary>
    private async Task<IRenderedComponent<IComponent>> SearchTwiceHeldAsync()
    {
        await SignInAsync("support@demo.test");
        var page = RenderPage<SupportConsole>();
        page.WaitForAssertion(() => Assert.Matches(@"^\d+ platforms$", Summary(page)));
        gate.Close();
        page.Find("input").Input("demo");
        await gate.NextHeldAsync();
        page.Find("input").Input("serenity@demo");
        await gate.NextHeldAsync();
        return page;
    }

    private static string Summary(IRenderedComponent<IComponent> page) => page.Find("[data-testid=search-summary]").TextContent.Trim();
}

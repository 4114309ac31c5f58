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
        var page = await RenderConsoleAsync();

        gate.Close();
        page.Find("input").Input("demo");
        await gate.NextHeldAsync();
        page.Find("input").Input("serenity@demo");
        await gate.NextHeldAsync();

        gate.Release(1);
        page.WaitForAssertion(() => Assert.Equal("1 platform matches “serenity@demo”.", Summary(page)));
        // What the page still had to do is done: the next render can only come from the first search's answer.
        await page.InvokeAsync(() => { });
        var renders = page.RenderCount;
        gate.Release(0);
        page.WaitForAssertion(() => Assert.True(page.RenderCount > renders));

        Assert.Equal("1 platform matches “serenity@demo”.", Summary(page));
        Assert.Single(page.FindAll("tbody tr"));
    }

    [Fact]
    public async Task TheConsoleSaysItIsSearching_UntilTheLastSearchHasAnswered()
    {
        var page = await RenderConsoleAsync();

        gate.Close();
        page.Find("input").Input("demo");
        await gate.NextHeldAsync();
        page.Find("input").Input("serenity@demo");
        await gate.NextHeldAsync();

        await page.InvokeAsync(() => { });
        var renders = page.RenderCount;
        gate.Release(0);
        page.WaitForAssertion(() => Assert.True(page.RenderCount > renders));
        Assert.Equal("Searching…", Summary(page));

        gate.Release(1);
        page.WaitForAssertion(() => Assert.Equal("1 platform matches “serenity@demo”.", Summary(page)));
    }

    private async Task<IRenderedComponent<IComponent>> RenderConsoleAsync()
    {
        await SignInAsync("support@demo.test");
        var page = RenderPage<SupportConsole>();
        page.WaitForAssertion(() => Assert.Matches(@"^\d+ platforms$", Summary(page)));
        return page;
    }

    private static string Summary(IRenderedComponent<IComponent> page) => page.Find("[data-testid=search-summary]").TextContent.Trim();
}

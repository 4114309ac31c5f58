using Bunit;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SubscriptionPortal.Components.Pages.Support;
using SubscriptionPortal.Payments;

namespace SubscriptionPortal.Tests.Components.Pages.Support;

/// <summary>Support › Direct debits when the database answers late: each reading of the page is held until the test lets it through.</summary>
public sealed class DirectDebitsPageOnASlowDatabaseTests : PageRenderTest
{
    // The first query of each reading: the files, the only one that selects their transaction count.
    private readonly HeldCommands gate = new(sql => sql.Contains("\"TransactionCount\"", StringComparison.Ordinal));

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IInterceptor>(gate);

    [Fact]
    public async Task AStatusAnsweredAfterTheNextOne_DoesNotReplaceItsDebits()
    {
        await SignInAsync("support@demo.test");
        var page = RenderPage<DirectDebitsPage>();
        // The demo's debits were all collected; none has failed.
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("tbody tr .mud-chip")));
        var filter = page.FindComponent<MudSelect<DirectDebitStatus?>>();

        gate.Close();
        await ChooseAsync(page, filter, DirectDebitStatus.Collected);
        await gate.NextHeldAsync();
        await ChooseAsync(page, filter, DirectDebitStatus.Failed);
        await gate.NextHeldAsync();

        gate.Release(1);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("tbody tr .mud-chip")));
        await gate.ReleaseAndAwaitRenderAsync(page, 0);

        Assert.Empty(page.FindAll("tbody tr .mud-chip"));
        Assert.Equal("Failed", filter.Find("input").GetAttribute("value"));
    }

    // As picking the status in the list does; the page's answer is not awaited, since the database holds it.
    private static Task ChooseAsync(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page, IRenderedComponent<MudSelect<DirectDebitStatus?>> filter, DirectDebitStatus status) =>
        page.InvokeAsync(() => { _ = filter.Instance.ValueChanged.InvokeAsync(status); });
}

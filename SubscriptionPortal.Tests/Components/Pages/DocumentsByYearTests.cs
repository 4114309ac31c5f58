using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SubscriptionPortal.Components.Pages.Settings;
using SubscriptionPortal.Components.Pages.Support;
using SubscriptionPortal.Subscriptions;

namespace SubscriptionPortal.Tests.Components.Pages;

/// <summary>
/// The year chosen above a platform's invoices and credit notes, on Settings › Invoices and on the platform's
/// support page. The demo starts on 20 December 2025 and its monthly subscription is renewed in January 2026,
/// so the Chorale has documents issued in both years.
/// </summary>
public sealed class DocumentsByYearTests : PageRenderTest
{
    protected override DateTimeOffset Now => new(2025, 12, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task InvoicesPage_AYearChosen_ListsOnlyTheDocumentsIssuedThatYear()
    {
        await RenewIntoTheNextYearAsync();
        await SignInAsync("serenity@demo.test");
        var page = RenderPage<InvoicesPage>();
        page.WaitForAssertion(() => Assert.Equal(["2026", "2025"], IssueYears(page).Distinct()));

        await ChooseYearAsync(page, 2025);

        Assert.Equal(["2025"], IssueYears(page).Distinct());
        await ChooseYearAsync(page, null);
        Assert.Equal(["2026", "2025"], IssueYears(page).Distinct());
    }

    [Fact]
    public async Task SupportPlatformPage_AYearChosen_ListsOnlyTheDocumentsIssuedThatYear()
    {
        await RenewIntoTheNextYearAsync();
        await SignInAsync("support@demo.test");
        var page = RenderPage<SupportPlatformPage>(new Dictionary<string, object?> { [nameof(SupportPlatformPage.Id)] = await Database.PlatformIdAsync("Chorale du Marais") });
        page.WaitForAssertion(() => Assert.Equal(["2026", "2025"], IssueYears(page).Distinct()));

        await ChooseYearAsync(page, 2026);

        Assert.Equal(["2026"], IssueYears(page).Distinct());
    }

    [Fact]
    public async Task SupportPlatformPage_AnotherPlatformOpened_StartsWithAllItsYears()
    {
        await RenewIntoTheNextYearAsync();
        await SignInAsync("support@demo.test");
        var page = RenderPage<SupportPlatformPage>(new Dictionary<string, object?> { [nameof(SupportPlatformPage.Id)] = await Database.PlatformIdAsync("Chorale du Marais") });
        page.WaitForAssertion(() => Assert.NotEmpty(IssueYears(page)));
        await ChooseYearAsync(page, 2026);

        var nautique = await Database.PlatformIdAsync("Club Nautique de Lyon");
        page.FindComponent<SupportPlatformPage>().Render(p => p.Add(x => x.Id, nautique));

        // The Club Nautique's annual subscription was invoiced in September 2025 only: with 2026 still chosen, none would show.
        page.WaitForAssertion(() => Assert.Equal("Club Nautique de Lyon", page.Find("h1").TextContent.Trim()));
        Assert.Equal(["2025"], IssueYears(page).Distinct());
    }

    private async Task RenewIntoTheNextYearAsync()
    {
        Database.Clock.SetUtcNow(new DateTimeOffset(2026, 1, 12, 9, 0, 0, TimeSpan.Zero));
        Assert.True(await Database.Get<RenewalService>().RenewDueAsync() >= 1);
    }

    // As picking a year in the list does.
    private static Task ChooseYearAsync(IRenderedComponent<IComponent> page, int? year) =>
        page.InvokeAsync(() => page.FindComponent<MudSelect<int?>>().Instance.ValueChanged.InvokeAsync(year));

    /// <summary>The year each listed document was issued in, from its issue date as shown ("10 Dec 2025").</summary>
    private static IEnumerable<string> IssueYears(IRenderedComponent<IComponent> page) =>
        page.FindAll("[aria-label='Invoices and credit notes'] tbody tr").Select(row => row.Children[2].TextContent.Trim().Split(' ')[^1]);
}

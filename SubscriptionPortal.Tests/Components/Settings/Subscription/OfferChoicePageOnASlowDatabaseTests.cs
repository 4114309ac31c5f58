using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Components.Pages.Settings.Subscription;

namespace SubscriptionPortal.Tests.Components.Settings.Subscription;

/// <summary>The choice page when the database answers late: each quote's insert is held until the test lets it through.</summary>
public sealed class OfferChoicePageOnASlowDatabaseTests : DatabaseComponentTest
{
    private readonly HeldCommands gate = new(sql => sql.Contains("INSERT INTO \"Quotes\"", StringComparison.Ordinal));

    protected override Action<IServiceCollection>? DatabaseServices => services => services.AddSingleton<IInterceptor>(gate);

    [Fact]
    public async Task TierClicked_IsQuotedOnce_ThoughTheAddressChangesWhileItsQuoteIsOnItsWay()
    {
        await SignInAsync("serenity@demo.test");
        var cut = RenderChoice();
        var before = await CountQuotesAsync();

        gate.Close();
        await ClickTierAsync(cut, "Up to 500 contacts");
        await gate.NextHeldAsync();
        gate.ReleaseAll();

        cut.WaitForAssertion(() => Assert.Contains("up to 500 contacts", QuotedInvoice(cut), StringComparison.Ordinal));
        Assert.Equal(1, gate.Held);
        Assert.Equal(before + 1, await CountQuotesAsync());
    }

    [Fact]
    public async Task TwoTiersClickedInTurn_ShowTheLastOnesQuote_WhenTheFirstAnswersLast()
    {
        var cut = await ChooseTwoTiersHeldAsync();

        gate.Release(1);
        cut.WaitForAssertion(() => Assert.Contains("up to 1,000 contacts", QuotedInvoice(cut), StringComparison.Ordinal));
        await gate.ReleaseAndAwaitRenderAsync(cut, 0);

        // The late answer for 500 contacts changes nothing on screen: the quote is the one for the tier chosen.
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[role=progressbar]")));
        Assert.Contains("up to 1,000 contacts", QuotedInvoice(cut), StringComparison.Ordinal);
        Assert.Null(cut.Find("[data-testid=validate-offer]").GetAttribute("disabled"));
    }

    [Fact]
    public async Task ValidateOffer_StaysDisabled_UntilTheQuoteForTheLastChoiceHasCome()
    {
        var cut = await ChooseTwoTiersHeldAsync();
        await gate.ReleaseAndAwaitRenderAsync(cut, 0);
        Assert.NotEmpty(cut.FindAll("[role=progressbar][aria-label='Calculating your quote…']"));
        Assert.NotNull(cut.Find("[data-testid=validate-offer]").GetAttribute("disabled"));
        Assert.DoesNotContain("up to 500 contacts", QuotedInvoice(cut), StringComparison.Ordinal);

        gate.Release(1);
        cut.WaitForAssertion(() => Assert.Contains("up to 1,000 contacts", QuotedInvoice(cut), StringComparison.Ordinal));
        Assert.Null(cut.Find("[data-testid=validate-offer]").GetAttribute("disabled"));
    }

    /// <summary>500 contacts, then 1,000, both quotes held: the first is held command 0, the second 1.</summary>
    private async Task<IRenderedComponent<OfferChoicePage>> ChooseTwoTiersHeldAsync()
    {
        await SignInAsync("serenity@demo.test");
        var cut = RenderChoice();
        gate.Close();
        await ClickTierAsync(cut, "Up to 500 contacts");
        await gate.NextHeldAsync();
        await ClickTierAsync(cut, "Up to 1,000 contacts");
        await gate.NextHeldAsync();
        return cut;
    }

    private IRenderedComponent<OfferChoicePage> RenderChoice()
    {
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("settings/subscription/choose/professional");
        var cut = Context.Render<OfferChoicePage>(p => p.Add(x => x.OfferCode, "professional"));
        cut.WaitForAssertion(() => Assert.Contains("up to 250 contacts", QuotedInvoice(cut), StringComparison.Ordinal));
        return cut;
    }

    private static async Task ClickTierAsync(IRenderedComponent<OfferChoicePage> cut, string label)
    {
        var tier = cut.FindAll("label.mud-radio").Single(l => l.TextContent.Contains(label, StringComparison.Ordinal));
        await cut.InvokeAsync(() => tier.QuerySelector("input")!.Click());
    }

    private static string QuotedInvoice(IRenderedComponent<OfferChoicePage> cut) => cut.Find("[data-testid=quote-invoice]").TextContent;

    private async Task<int> CountQuotesAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Quotes.CountAsync();
    }
}

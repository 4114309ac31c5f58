using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Components.Pages.Settings.Subscription;

namespace SubscriptionPortal.Tests.Components.Settings.Subscription;

public sealed class OfferChoicePageTests : DatabaseComponentTest
{
    private IRenderedComponent<OfferChoicePage> RenderChoice(string offer, int? tier = null, string? commitment = null, bool interactive = true)
    {
        Context.SetRendererInfo(interactive ? new RendererInfo("Server", isInteractive: true) : new RendererInfo("Static", isInteractive: false));
        var navigation = Context.Services.GetRequiredService<NavigationManager>();
        var query = tier is null ? "" : $"?tier={tier}&commitment={commitment}";
        navigation.NavigateTo($"settings/subscription/choose/{offer}{query}");
        return Context.Render<OfferChoicePage>(p => p.Add(x => x.OfferCode, offer));
    }

    [Fact]
    public async Task Upgrade_ShowsTheCreditNoteTheInvoiceAndTheAmountCharged()
    {
        await SignInAsync("serenity@demo.test");

        var cut = RenderChoice("professional");

        cut.WaitForElement("[data-testid=quote-invoice]");
        // Demo period started 10 days before 20 March: [10 Mar, 10 Apr), change on 20 Mar → 21 of 31 days credited.
        Assert.Equal("−€32.52", cut.Find("[data-testid=credit-ttc]").TextContent);
        Assert.Equal("€90.00", cut.Find("[data-testid=invoice-ttc]").TextContent);
        Assert.Equal("Amount charged: €57.48", cut.Find("[data-testid=quote-amount-due]").TextContent);
        Assert.Contains("23 Mar 2026", cut.Find("[data-testid=quote-debit-date]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=lost-features]"));
        Assert.Contains("Validate offer", cut.Markup);
    }

    [Fact]
    public async Task Downgrade_ListsTheLostFeaturesWithTheExportLinkAndTheBalanceKept()
    {
        await SignInAsync("pro@demo.test");

        var cut = RenderChoice("serenity", 1000, "monthly");

        cut.WaitForElement("[data-testid=lost-features]");
        var lost = cut.Find("[data-testid=lost-features]");
        Assert.Contains("Multi-site and sections management", lost.TextContent);
        Assert.Contains("Export your data first", lost.TextContent);
        Assert.Contains("Balance kept for your next invoices", cut.Find("[data-testid=quote-balance-kept]").TextContent);
        Assert.Equal("Amount charged: €0.00", cut.Find("[data-testid=quote-amount-due]").TextContent);
    }

    /// <summary>"Pay" only when the change debits something: a downgrade settled by its credit note pays nothing.</summary>
    [Theory]
    [InlineData("serenity@demo.test", "professional", null, "will be debited", "Confirm and pay", "Confirm the change")]
    [InlineData("pro@demo.test", "serenity", 1000, "Nothing will be debited.", "Confirm the change", "Confirm and pay")]
    public async Task Confirmation_NamesItsButtonAfterWhetherTheChangeDebits(
        string admin, string offer, int? tier, string amountSays, string confirmation, string neverSaid)
    {
        await SignInAsync(admin);
        var providers = RenderProviders();
        var cut = RenderChoice(offer, tier, tier is null ? null : "monthly");
        cut.WaitForElement("[data-testid=quote-amount-due]");

        cut.FindAll("button").Single(b => b.TextContent.Contains("Validate offer")).Click();

        providers.WaitForAssertion(() => Assert.Contains(amountSays, providers.Find("[data-testid=confirm-amount]").TextContent));
        Assert.Equal(confirmation, providers.Find("[role=dialog] .mud-dialog-title").TextContent.Trim());
        Assert.Single(providers.FindAll("[role=dialog] button"), b => b.TextContent.Trim() == confirmation);
        Assert.DoesNotContain(neverSaid, providers.Markup);
    }

    [Fact]
    public async Task SameOfferTierAndCommitment_SaysThereIsNothingToChange()
    {
        await SignInAsync("serenity@demo.test");

        var cut = RenderChoice("serenity", 250, "monthly");

        cut.WaitForElement("[data-testid=quote-message]");
        Assert.Contains("Nothing to change", cut.Find("[data-testid=quote-message]").TextContent);
        Assert.DoesNotContain("Validate offer", cut.Markup);
    }

    [Fact]
    public async Task AnnualCommitmentOnTheSameOffer_IsQuotedForAYear()
    {
        await SignInAsync("serenity@demo.test");

        var cut = RenderChoice("serenity", 250, "annual");

        cut.WaitForElement("[data-testid=quote-invoice]");
        Assert.Equal("€460.80", cut.Find("[data-testid=invoice-ttc]").TextContent);
        Assert.Contains("20 Mar 2026 – 19 Mar 2027", cut.Find("[data-testid=quote-invoice]").TextContent);
    }

    [Fact]
    public async Task FreePlatform_CollectsAMandate_AndAnInvalidIbanIsRefusedWithAMessage()
    {
        await SignInAsync("liberty@demo.test");
        RenderProviders();
        var cut = RenderChoice("serenity", 50, "annual");
        cut.WaitForElement("[data-testid=quote-invoice]");
        Assert.Empty(cut.FindAll("[data-testid=quote-credit-note]"));

        InputLabelled(cut, "Account holder").Change("Les Amis du Vélo");
        InputLabelled(cut, "IBAN").Change("FR76 3000 6000 0112 3456 7890 188");
        cut.Find("input[type=checkbox]").Change(true);
        cut.FindAll("button").Single(b => b.TextContent.Contains("Validate offer")).Click();

        // The click is answered once the database has: at once on SQLite, later on a database server.
        cut.WaitForAssertion(() => Assert.Contains("check digits are wrong", cut.Find("[data-testid=quote-message]").TextContent));
        Assert.DoesNotContain("Confirm and pay", cut.Markup);
    }

    [Fact]
    public async Task StaleQuote_ShowsTheNewQuoteAndAsksAgain()
    {
        await SignInAsync("serenity@demo.test");
        var providers = RenderProviders();
        var cut = RenderChoice("professional");
        cut.WaitForElement("[data-testid=quote-invoice]");
        Assert.Equal("−€32.52", cut.Find("[data-testid=credit-ttc]").TextContent);

        Database.Clock.Advance(TimeSpan.FromDays(1));
        cut.FindAll("button").Single(b => b.TextContent.Contains("Validate offer")).Click();
        providers.WaitForAssertion(() => Assert.Contains("Confirm and pay", providers.Markup));
        var confirm = providers.FindAll("button").Single(b => b.TextContent.Contains("Confirm and pay"));
        await cut.InvokeAsync(() => confirm.Click());

        cut.WaitForAssertion(() => Assert.Contains("out of date", cut.Find("[data-testid=quote-message]").TextContent));
        Assert.Equal("−€30.97", cut.Find("[data-testid=credit-ttc]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=change-applied]"));
    }

    [Fact]
    public async Task RenderedBeforeItIsInteractive_StoresNoQuote_AndSaysOneIsComing()
    {
        await SignInAsync("serenity@demo.test");
        var before = await CountQuotesAsync();

        var cut = RenderChoice("professional", interactive: false);

        cut.WaitForElement("[role=progressbar][aria-label='Calculating your quote…']");
        Assert.Contains("Up to 500 contacts", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=quote-invoice]"));
        Assert.Empty(cut.FindAll("[data-testid=validate-offer]"));
        Assert.Equal(before, await CountQuotesAsync());
    }

    [Fact]
    public async Task ChoosingAnotherTier_StoresOneQuoteForIt()
    {
        await SignInAsync("serenity@demo.test");
        var cut = RenderChoice("professional");
        cut.WaitForElement("[data-testid=quote-invoice]");
        var before = await CountQuotesAsync();

        var tier = cut.FindAll("label.mud-radio").Single(l => l.TextContent.Contains("Up to 500 contacts", StringComparison.Ordinal));
        await cut.InvokeAsync(() => tier.QuerySelector("input")!.Click());

        cut.WaitForAssertion(() => Assert.Contains("up to 500 contacts", cut.Find("[data-testid=quote-invoice]").TextContent, StringComparison.Ordinal));
        Assert.Equal(before + 1, await CountQuotesAsync());
    }

    [Fact]
    public async Task AnotherChoiceInTheAddress_LikeTheBackButtonGives_IsQuotedAndShown()
    {
        await SignInAsync("serenity@demo.test");
        var cut = RenderChoice("professional", 500, "monthly");
        cut.WaitForAssertion(() => Assert.Contains("up to 500 contacts", cut.Find("[data-testid=quote-invoice]").TextContent, StringComparison.Ordinal));
        var before = await CountQuotesAsync();

        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("settings/subscription/choose/professional?tier=1000&commitment=annual", replace: true);

        cut.WaitForAssertion(() => Assert.Contains("up to 1,000 contacts", cut.Find("[data-testid=quote-invoice]").TextContent, StringComparison.Ordinal));
        Assert.Contains("20 Mar 2026 – 19 Mar 2027", cut.Find("[data-testid=quote-invoice]").TextContent, StringComparison.Ordinal);
        Assert.Equal(before + 1, await CountQuotesAsync());
    }

    private async Task<int> CountQuotesAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Quotes.CountAsync();
    }
}

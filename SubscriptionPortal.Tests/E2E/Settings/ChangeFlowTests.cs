using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Common;
using SubscriptionPortal.Components.Shared;
using SubscriptionPortal.Subscriptions;
using static Microsoft.Playwright.Assertions;

namespace SubscriptionPortal.Tests.E2E.Settings;

[Collection(SecondBrowserCollection.Name)]
public sealed class ChangeFlowTests(BrowserFixture browser) : PortalPageTest(browser)
{
    [Fact]
    public async Task SerenityAdmin_UpgradesToProfessional_SeesTheQuoteAndGetsTheDocuments()
    {
        var flow = new ChangeFlowPage(Page);
        await SignInAsync("serenity@demo.test");
        await flow.OpenOffersAsync();
        await flow.OpenTabAsync("Professional");
        await flow.Choose("Professional").ClickAsync();
        await Expect(flow.Tier(250)).ToBeCheckedAsync();
        await Expect(Page.GetByRole(AriaRole.Radio, new() { Name = "Monthly" })).ToBeCheckedAsync();

        // The demo's period started 10 days ago (Paris date) and runs one month; the change is today.
        // The credit is 40.00 € × unused days / period days, so it depends on the month's length:
        // the figures below are worked out by hand for each length (31 days: the known-answer file's
        // "upgrade mid-month" case). Professional 250 monthly is 75.00 € HT, 90.00 € TTC.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);
        var start = today.AddDays(-10);
        var (creditIncludingVat, amountDue) = (start.AddMonths(1).DayNumber - start.DayNumber) switch
        {
            28 => (30.85m, 59.15m),  // 18/28 of 40.00 = 25.71 HT + 5.14 VAT
            29 => (31.45m, 58.55m),  // 19/29 of 40.00 = 26.21 HT + 5.24 VAT
            30 => (32.00m, 58.00m),  // 20/30 of 40.00 = 26.67 HT + 5.33 VAT
            31 => (32.52m, 57.48m),  // 21/31 of 40.00 = 27.10 HT + 5.42 VAT
            var days => throw new InvalidOperationException($"A month has no {days} days."),
        };
        const decimal InvoiceIncludingVat = 90.00m;
        await Expect(Page.GetByTestId("credit-ttc")).ToHaveTextAsync("−" + Format.Eur(creditIncludingVat));
        await Expect(Page.GetByTestId("invoice-ttc")).ToHaveTextAsync(Format.Eur(InvoiceIncludingVat));
        await Expect(Page.GetByTestId("quote-amount-due")).ToHaveTextAsync($"Amount charged: {Format.Eur(amountDue)}");
        await Expect(Page.GetByTestId("quote-debit-date")).ToContainTextAsync(Format.Date(today.AddDays(3)));

        await flow.ValidateButton.ClickAsync();
        await Expect(Page.GetByTestId("confirm-amount")).ToContainTextAsync(Format.Eur(amountDue));
        await flow.ConfirmButton.ClickAsync();

        await Expect(Page.GetByTestId("change-applied")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("plan-offer")).ToHaveTextAsync("Professional");
        await Expect(Page.GetByTestId("plan-period")).ToHaveTextAsync(Format.Period(today, today.AddMonths(1)));
        await Expect(Page.GetByTestId("new-invoice-link")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("new-credit-note-link")).ToBeVisibleAsync();

        await GotoAsync("settings/subscription");
        await Expect(Page.GetByTestId("plan-offer")).ToHaveTextAsync("Professional");
        await using var db = PortalDatabase.Open(Server);
        var platform = await db.Platforms.SingleAsync(p => p.Name == "Chorale du Marais");
        Assert.Equal(1, await db.Documents.CountAsync(d => d.PlatformId == platform.Id && d.Kind == DocumentKind.CreditNote));
        Assert.Equal(2, await db.Documents.CountAsync(d => d.PlatformId == platform.Id && d.Kind == DocumentKind.Invoice));
    }

    [Fact]
    public async Task ProAdmin_DowngradesToSerenity_SeesLostFeaturesAndTheBalanceKept()
    {
        var flow = new ChangeFlowPage(Page);
        await SignInAsync("pro@demo.test");
        await flow.OpenOffersAsync();
        await flow.OpenTabAsync("Serenity");
        await flow.Choose("Serenity").ClickAsync();
        await flow.Tier(1000).CheckAsync();
        await flow.PickCommitmentAsync("Monthly");

        await Expect(Page.GetByTestId("lost-features")).ToContainTextAsync("Multi-site and sections management");
        await Expect(Page.GetByTestId("lost-features").GetByRole(AriaRole.Link, new() { Name = "Export your data first" })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("quote-balance-kept")).ToContainTextAsync("Balance kept for your next invoices");
        await Expect(Page.GetByTestId("quote-amount-due")).ToHaveTextAsync($"Amount charged: {Format.Eur(0m)}");

        // Nothing is debited, so the confirmation does not speak of paying.
        await flow.ValidateButton.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Dialog, new() { Name = "Confirm the change" })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Confirm the change", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("change-applied")).ToBeVisibleAsync();

        await Expect(Page.GetByTestId("plan-offer")).ToHaveTextAsync("Serenity");
        await Expect(Page.GetByTestId("plan-commitment")).ToHaveTextAsync("Monthly");
        await Expect(Page.GetByTestId("plan-balance")).Not.ToHaveTextAsync(Format.Eur(0m));
    }

    [Fact]
    public async Task LibertyAdmin_MovesToSerenityAnnual_InvalidIbanRefusedThenValidOneAccepted()
    {
        var flow = new ChangeFlowPage(Page);
        await SignInAsync("liberty@demo.test");
        await flow.OpenOffersAsync();
        await flow.OpenTabAsync("Serenity");
        await flow.Choose("Serenity").ClickAsync();
        await flow.Tier(50).CheckAsync();
        await flow.PickCommitmentAsync("Annual (save 20 %)");
        await Expect(Page.GetByTestId("invoice-ttc")).ToHaveTextAsync(Format.Eur(230.40m));

        await Page.GetByLabel("Account holder").FillAsync("Les Amis du Vélo");
        await Page.GetByLabel("IBAN").FillAsync("FR76 3000 6000 0112 3456 7890 188");
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = "I authorise" }).CheckAsync();
        await flow.ValidateButton.ClickAsync();
        await Expect(Page.GetByTestId("quote-message")).ToContainTextAsync("check digits are wrong");
        await Expect(flow.ConfirmButton).ToHaveCountAsync(0);

        await Page.GetByLabel("IBAN").FillAsync("FR76 3000 6000 0112 3456 7890 189");
        await flow.ValidateAndConfirmAsync();

        await Expect(Page.GetByTestId("plan-offer")).ToHaveTextAsync("Serenity");
        await Expect(Page.GetByTestId("plan-payment-method")).ToContainTextAsync("FR76");
        await GotoAsync("");
        await Expect(Page.GetByTestId("dashboard-contacts")).ToHaveTextAsync("40");
    }

    [Theory]
    [InlineData("Liberty")]
    [InlineData("Payment")]
    public async Task PaidPlatform_CannotChooseAFreeOffer_AndSeesWhy(string freeOffer)
    {
        var flow = new ChangeFlowPage(Page);
        await SignInAsync("pro@demo.test");
        await flow.OpenOffersAsync();
        await flow.OpenTabAsync(freeOffer);

        await Expect(Page.GetByTestId("offer-unavailable")).ToContainTextAsync("A paid platform cannot become free");
        await Expect(Page.GetByTestId("offer-unavailable")).ToContainTextAsync("create a new 100 % free platform");
        await Expect(flow.ChooseButton).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TiersBelowTheContactsInUse_CannotBePicked()
    {
        var flow = new ChangeFlowPage(Page);
        await SignInAsync("pro@demo.test");
        await flow.OpenOffersAsync();
        await flow.OpenTabAsync("Serenity");
        await flow.Choose("Serenity").ClickAsync();

        await Expect(flow.Tier(50)).ToBeDisabledAsync();
        await Expect(flow.Tier(250)).ToBeDisabledAsync();
        await Expect(flow.Tier(500)).ToBeEnabledAsync();
        await Expect(Page.GetByTestId("tier-unavailable").First).ToContainTextAsync("320 active contacts");
    }

    [Fact]
    public async Task DoubleClickingValidateOffer_IssuesOneInvoiceAndOneCreditNote()
    {
        var flow = new ChangeFlowPage(Page);
        await SignInAsync("serenity@demo.test");
        await GotoAsync("settings/subscription/choose/professional?tier=500&commitment=monthly");
        await Expect(flow.Tier(500)).ToBeCheckedAsync();

        await flow.ValidateButton.DblClickAsync();
        await flow.ConfirmButton.DblClickAsync();
        await Expect(Page.GetByTestId("change-applied")).ToBeVisibleAsync();

        await using var db = PortalDatabase.Open(Server);
        var platform = await db.Platforms.SingleAsync(p => p.Name == "Chorale du Marais");
        Assert.Equal(1, await db.Documents.CountAsync(d => d.PlatformId == platform.Id && d.Kind == DocumentKind.CreditNote));
        Assert.Equal(2, await db.Documents.CountAsync(d => d.PlatformId == platform.Id && d.Kind == DocumentKind.Invoice));
    }

    [Fact]
    public async Task ChoicePage_KeepsTheChoiceInTheUrl_SoAReloadShowsTheSameQuote()
    {
        var flow = new ChangeFlowPage(Page);
        await SignInAsync("serenity@demo.test");
        await GotoAsync("settings/subscription/choose/serenity");
        await flow.Tier(500).CheckAsync();
        await flow.PickCommitmentAsync("Annual (save 20 %)");
        await Expect(Page).ToHaveURLAsync(new Regex("tier=500.*commitment=annual"));
        // The URL changes first; the quote of the new choice follows. Read the amount once it is there.
        await Expect(Page.GetByTestId("quote-invoice")).ToContainTextAsync("up to 500 contacts — annual");
        var amount = await Page.GetByTestId("invoice-ttc").TextContentAsync();

        await Page.ReloadAsync();
        await WaitForInteractiveAsync();

        await Expect(flow.Tier(500)).ToBeCheckedAsync();
        await Expect(Page.GetByTestId("invoice-ttc")).ToHaveTextAsync(amount!);
    }

    [Fact]
    public async Task ChoicePage_OpenedByItsAddress_StoresOneQuote_AndOneForEachChoiceClicked()
    {
        var flow = new ChangeFlowPage(Page);
        await SignInAsync("serenity@demo.test");
        await using var db = PortalDatabase.Open(Server);
        var platform = await db.Platforms.SingleAsync(p => p.Name == "Chorale du Marais");
        var before = await db.Quotes.CountAsync(q => q.PlatformId == platform.Id);

        // Loaded by its address, the page is rendered twice (HTML first, then interactive): one quote, not two.
        await GotoAsync("settings/subscription/choose/professional");
        await Expect(Page.GetByTestId("quote-invoice")).ToContainTextAsync("up to 250 contacts");
        Assert.Equal(before + 1, await db.Quotes.CountAsync(q => q.PlatformId == platform.Id));

        await flow.Tier(500).CheckAsync();
        await Expect(Page.GetByTestId("quote-invoice")).ToContainTextAsync("up to 500 contacts");
        await flow.PickCommitmentAsync("Annual (save 20 %)");
        await Expect(Page.GetByTestId("quote-invoice")).ToContainTextAsync("up to 500 contacts — annual");

        var quoted = await db.Quotes.Where(q => q.PlatformId == platform.Id).OrderBy(q => q.CreatedAtUtc)
            .Select(q => new { q.TargetTierMaxContacts, q.TargetCommitment }).Skip(before).ToListAsync();
        Assert.Equal(new (int?, Commitment?)[] { (250, Commitment.Monthly), (500, Commitment.Monthly), (500, Commitment.Annual) },
            quoted.Select(q => (q.TargetTierMaxContacts, q.TargetCommitment)).ToList());
    }
}

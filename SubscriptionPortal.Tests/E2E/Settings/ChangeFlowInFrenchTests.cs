using Microsoft.Playwright;
using SubscriptionPortal.Components.Shared;
using SubscriptionPortal.Tests.Unit.Billing.Pdf;
using static Microsoft.Playwright.Assertions;

namespace SubscriptionPortal.Tests.E2E.Settings;

/// <summary>The language chosen from the user menu: the whole change flow in French, then back to English.</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class ChangeFlowInFrenchTests(BrowserFixture browser) : PortalPageTest(browser)
{
    [Fact]
    public async Task Admin_SwitchesToFrench_ChangesOfferByTheFrenchLabels_KeepsTheChoiceAcrossSignIns_ThenSwitchesBack()
    {
        await SignInAsync("serenity@demo.test");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await ChooseLanguageAsync("User menu", "Français");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(NavLink("Plan d'abonnement")).ToBeVisibleAsync();

        // The choice is the account's: another browser, signed in afresh, opens in French.
        await SignInElsewhereAsync("serenity@demo.test");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "fr");

        await NavLink("Plan d'abonnement").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Plan d'abonnement", Exact = true })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Changer d'abonnement" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Voir les offres" }).ClickAsync();
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Professional" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Choisir Professional", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Radio, new() { Name = "Mensuel" })).ToBeCheckedAsync();

        // As in the English test: the demo's period started 10 days ago (Paris date), the credit is worked out by hand
        // for each length of month; Professional 250 monthly is 90.00 € TTC.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);
        var start = today.AddDays(-10);
        var (creditIncludingVat, amountDue) = (start.AddMonths(1).DayNumber - start.DayNumber) switch
        {
            28 => (30.85m, 59.15m),
            29 => (31.45m, 58.55m),
            30 => (32.00m, 58.00m),
            31 => (32.52m, 57.48m),
            var days => throw new InvalidOperationException($"A month has no {days} days."),
        };
        string creditText, invoiceText, dueText, debitDate;
        using (CultureScope.French())
        {
            creditText = "−" + Format.Eur(creditIncludingVat);
            invoiceText = Format.Eur(90.00m);
            dueText = Format.Eur(amountDue);
            debitDate = Format.Date(today.AddDays(3));
        }

        Assert.Equal("90,00\u00A0€", invoiceText);
        await Expect(Page.GetByTestId("credit-ttc")).ToHaveTextAsync(creditText);
        await Expect(Page.GetByTestId("invoice-ttc")).ToHaveTextAsync(invoiceText);
        await Expect(Page.GetByTestId("quote-amount-due")).ToHaveTextAsync($"Montant prélevé : {dueText}");
        await Expect(Page.GetByTestId("quote-debit-date")).ToHaveTextAsync($"Prélevé par prélèvement SEPA le {debitDate}");
        await Expect(Page.GetByTestId("quote-invoice")).ToContainTextAsync("Total TTC");
        await Screenshots.SaveAsync(Page, "change-flow-french");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Valider l'offre" }).ClickAsync();
        await Expect(Page.GetByTestId("confirm-amount")).ToContainTextAsync($"{dueText} seront prélevés le {debitDate}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Confirmer et payer" }).ClickAsync();
        await Expect(Page.GetByTestId("change-applied")).ToContainTextAsync("Votre abonnement a changé");
        await Expect(Page.GetByTestId("plan-offer")).ToHaveTextAsync("Professional");

        var link = Page.GetByTestId("new-invoice-link");
        await Expect(link).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Facture F-\d{4}-\d{6} \(PDF\)$"));
        var download = await Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var invoicePdf = PdfReadBack.Of(await File.ReadAllBytesAsync(await download.PathAsync())).Flat;
        Assert.Contains(download.SuggestedFilename[..^4], invoicePdf);
        Assert.All(
            ["Facture", "Total HT", "TVA", "Total TTC", "indemnité forfaitaire pour frais de recouvrement de 40 €"],
            mention => Assert.Contains(mention, invoicePdf, StringComparison.Ordinal));
        // The demo platform bills in French: the new invoice's line is written in French.
        Assert.Contains("Professional—jusqu'à250contacts—mensuel", string.Concat(invoicePdf.Where(c => !char.IsWhiteSpace(c))), StringComparison.Ordinal);

        await ChooseLanguageAsync("Menu utilisateur", "English");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        // SPEC §10's English labels, all along the flow again.
        await NavLink("Subscription Plan").ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Change Subscription" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "See offers" }).ClickAsync();
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Serenity" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Choose Serenity", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Validate offer" })).ToBeVisibleAsync();

        await SignInElsewhereAsync("serenity@demo.test");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(NavLink("Subscription Plan")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task BrowserPreferringFrench_GetsFrenchBeforeSignIn_AndEnglishOtherwise()
    {
        await using var french = await BrowserContext.Browser!.NewContextAsync(new() { BaseURL = Server.BaseUrl, Locale = "fr-BE" });
        var page = await french.NewPageAsync();

        await page.GotoAsync("not-found");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page introuvable" })).ToBeVisibleAsync();

        await Page.GotoAsync("not-found");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Not Found" })).ToBeVisibleAsync();
    }

    private async Task ChooseLanguageAsync(string userMenu, string language)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = userMenu }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = language, Exact = true }).ClickAsync();
        await WaitForInteractiveAsync();
    }
}

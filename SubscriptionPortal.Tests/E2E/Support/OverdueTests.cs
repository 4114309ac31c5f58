using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Components.Shared;
using SubscriptionPortal.Payments.Dunning;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Support;
using static Microsoft.Playwright.Assertions;

namespace SubscriptionPortal.Tests.E2E.Support;

public sealed class OverdueTests(BrowserFixture browser) : PortalPageTest(browser)
{
    [Fact]
    public async Task DebitReturnedForInsufficientFunds_AdminSeesTheNextAttempt_ThenSupportRecordsATransfer_AndTheBannerIsGone()
    {
        var (invoiceNumber, today, amount) = await UpgradeChoraleAsync();
        await SignInAsync("support@demo.test");
        await NavLink("Direct debits").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Submit due debits now" }).ClickAsync();
        await Expect(Page.GetByTestId("desk-message")).ToContainTextAsync("1 debit");
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Mark {invoiceNumber} failed" }).ClickAsync();
        await Page.GetByLabel("Reason code given by the bank").ClickAsync();
        await Page.GetByText("AM04 — Insufficient funds on the account").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record failure" }).ClickAsync();
        await Expect(Page.GetByTestId("desk-message")).ToContainTextAsync($"Invoice {invoiceNumber} is unpaid");

        // The admin sees, on every page, what is unpaid and when it is presented again.
        await SignInElsewhereAsync("serenity@demo.test");
        var banner = Page.GetByTestId("overdue-banner");
        await Expect(banner).ToContainTextAsync("Payment failed:");
        await Expect(banner).ToContainTextAsync($"{Format.Eur(amount)} unpaid");
        await Expect(banner.GetByTestId("next-attempt")).ToHaveTextAsync(Format.Date(today.AddDays(5)));
        await Expect(banner).ToContainTextAsync($"invoice {invoiceNumber} failed");
        await Screenshots.SaveAsync(Page, "overdue-banner");
        await NavLink("Invoices").ClickAsync();
        await Expect(Page.GetByTestId("overdue-banner")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = invoiceNumber }))
            .ToContainTextAsync($"Debit failed (next attempt on {Format.Date(today.AddDays(5))})");

        // Support finds the platform on Support › Overdue and records the transfer received.
        await SignInElsewhereAsync("support@demo.test");
        await NavLink("Overdue").ClickAsync();
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Chorale du Marais" });
        await Expect(row).ToContainTextAsync("Payment failed");
        await Expect(row).ToContainTextAsync(Format.Eur(amount));
        await Expect(row).ToContainTextAsync($"Retry 1 of 2 on {Format.Date(today.AddDays(5))}");
        await Screenshots.SaveAsync(Page, "support-overdue");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Record a transfer for {invoiceNumber}" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByLabel("Amount received (€)")).ToHaveValueAsync(amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        await dialog.GetByLabel("Received on").FillAsync(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await dialog.GetByLabel("Bank reference").FillAsync("VIR CHORALE 0042");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Record transfer" }).ClickAsync();
        await Expect(Page.GetByTestId("overdue-message")).ToContainTextAsync($"Invoice {invoiceNumber} is paid");
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Chorale du Marais" })).ToHaveCountAsync(0);

        await SignInElsewhereAsync("serenity@demo.test");
        await NavLink("Invoices").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = invoiceNumber })).ToContainTextAsync("Paid");
        await Expect(Page.GetByTestId("overdue-banner")).ToHaveCountAsync(0);
        await NavLink("Activity").ClickAsync();
        await Expect(Page.GetByText("Bank transfer recorded")).ToBeVisibleAsync();
        await using var db = PortalDatabase.Open(Server);
        var platformId = await db.Platforms.Where(p => p.Name == "Chorale du Marais").Select(p => p.Id).SingleAsync();
        Assert.Equal("support@demo.test", await db.AuditEntries.Where(a => a.PlatformId == platformId && a.Action == AuditActions.TransferRecorded)
            .Select(a => a.ActorEmail).SingleAsync());
    }

    /// <summary>Chorale du Marais moves to Professional today, through the app's own engine: one invoice, one scheduled debit.</summary>
    private async Task<(string InvoiceNumber, DateOnly Today, decimal Amount)> UpgradeChoraleAsync()
    {
        await using var scope = Server.Services.CreateAsyncScope();
        await using var db = PortalDatabase.Open(Server);
        var platform = await db.Platforms.SingleAsync(p => p.Name == "Chorale du Marais");
        var admin = await db.Users.SingleAsync(u => u.Email == "serenity@demo.test");
        var today = PeriodMath.LocalDate(DateTimeOffset.UtcNow, platform.TimeZone);
        var outcome = await scope.ServiceProvider.GetRequiredService<SubscriptionChanges>().ApplyAsync(platform.Id,
            new ChangeTarget(CatalogSeed.Professional, 250, Commitment.Monthly), today, Actor.System(admin.Id, admin.Email!));
        var applied = Assert.IsType<ChangeOutcome.Applied>(outcome);
        var cents = await db.DirectDebits.Where(d => d.Id == applied.DirectDebitId).Select(d => d.AmountCents).SingleAsync();
        return (applied.InvoiceNumber!, today, cents / 100m);
    }
}

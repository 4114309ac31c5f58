using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Support;
using SubscriptionPortal.Tests.Unit.Payments.Sepa;
using static Microsoft.Playwright.Assertions;

namespace SubscriptionPortal.Tests.E2E.Support;

public sealed class DirectDebitsTests(BrowserFixture browser) : PortalPageTest(browser)
{
    [Fact]
    public async Task Agent_SubmitsTheDueDebit_DownloadsAValidFile_RecordsAFailure_AndTheAdminSeesWhatToDo()
    {
        await SignInAsync("support@demo.test");
        await NavLink("Direct debits").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Direct debits" })).ToBeVisibleAsync();
        var invoiceNumber = await UpgradeChoraleAsync();
        await Page.ReloadAsync();
        await WaitForInteractiveAsync();
        await Expect(Page.GetByTestId("scheduled-count")).ToContainTextAsync("1 debit waiting");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Submit due debits now" }).ClickAsync();
        await Expect(Page.GetByTestId("desk-message")).ToContainTextAsync("1 debit");
        // Asking again finds nothing due: the debit is never submitted twice.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Submit due debits now" }).ClickAsync();
        await Expect(Page.GetByTestId("desk-message")).ToContainTextAsync("No debit was due");

        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Link, new() { Name = "Download SPDD-" }).ClickAsync());
        var xml = Pain008Schema.Validated(await File.ReadAllBytesAsync(await download.PathAsync()));
        await using var db = PortalDatabase.Open(Server);
        var debit = await db.DirectDebits.SingleAsync(d => d.Status == DirectDebitStatus.Submitted);
        Assert.Equal(invoiceNumber, xml.Descendants(Pain008Schema.Ns + "EndToEndId").Single().Value);
        Assert.Equal((debit.AmountCents / 100m).ToString("0.00", CultureInfo.InvariantCulture), xml.Descendants(Pain008Schema.Ns + "CtrlSum").First().Value);
        Assert.Equal(1, await db.DirectDebitFiles.CountAsync());

        await Page.GetByRole(AriaRole.Button, new() { Name = $"Mark {invoiceNumber} failed" }).ClickAsync();
        await Page.GetByLabel("Reason code given by the bank").ClickAsync();
        await Page.GetByText("AM04 — Insufficient funds on the account").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record failure" }).ClickAsync();
        await Expect(Page.GetByTestId("desk-message")).ToContainTextAsync($"Invoice {invoiceNumber} is unpaid");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = $"Retry {invoiceNumber}" })).ToBeEnabledAsync();
        await Screenshots.SaveAsync(Page, "support-debits");

        await SignInElsewhereAsync("serenity@demo.test");
        var banner = Page.GetByTestId("failed-debit-banner");
        await Expect(banner).ToContainTextAsync($"invoice {invoiceNumber} failed");
        await Expect(banner).ToContainTextAsync("insufficient funds on the account (AM04)");
        await NavLink("Invoices").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = invoiceNumber })).ToContainTextAsync("Debit failed");
        await Screenshots.SaveAsync(Page, "failed-debit-banner");
    }

    [Fact]
    public async Task Admin_RequestingADebitFile_GetsNotFound()
    {
        await UpgradeChoraleAsync();
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DirectDebitSubmission>().SubmitDueAsync();
        }

        await using var db = PortalDatabase.Open(Server);
        var file = await db.DirectDebitFiles.SingleAsync();
        await SignInAsync("serenity@demo.test");

        var response = await Page.APIRequest.GetAsync($"support/debit-files/{file.Id}");

        Assert.Equal(404, response.Status);
    }

    /// <summary>Chorale du Marais moves to Professional today, through the app's own engine: one invoice, one scheduled debit.</summary>
    private async Task<string> UpgradeChoraleAsync()
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await using var db = PortalDatabase.Open(Server);
        var platform = await db.Platforms.SingleAsync(p => p.Name == "Chorale du Marais");
        var admin = await db.Users.SingleAsync(u => u.Email == "serenity@demo.test");
        var today = PeriodMath.LocalDate(DateTimeOffset.UtcNow, platform.TimeZone);
        var outcome = await services.GetRequiredService<SubscriptionChanges>().ApplyAsync(platform.Id,
            new ChangeTarget(CatalogSeed.Professional, 250, Commitment.Monthly), today, Actor.System(admin.Id, admin.Email!));
        return Assert.IsType<ChangeOutcome.Applied>(outcome).InvoiceNumber!;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MimeKit;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Tests.E2E.Settings;
using static Microsoft.Playwright.Assertions;

namespace SubscriptionPortal.Tests.E2E.Support;

public sealed class EmailsTests(BrowserFixture browser) : PortalPageTest(browser)
{
    [Fact]
    public async Task PlanChangedInTheBrowser_InvoiceEmailWithItsPdfIsWritten_AndSupportSeesItUnderEmails()
    {
        var flow = new ChangeFlowPage(Page);
        await SignInAsync("serenity@demo.test");
        await flow.OpenOffersAsync();
        await flow.OpenTabAsync("Professional");
        await flow.Choose("Professional").ClickAsync();
        await Expect(flow.Tier(250)).ToBeCheckedAsync();
        await flow.ValidateAndConfirmAsync();

        BillingDocument invoice;
        await using (var db = PortalDatabase.Open(Server))
        {
            var platformId = await db.Platforms.Where(p => p.Name == "Chorale du Marais").Select(p => p.Id).SingleAsync();
            invoice = await db.Documents.AsNoTracking().Where(d => d.PlatformId == platformId && d.Kind == DocumentKind.Invoice).OrderByDescending(d => d.Id).FirstAsync();
        }

        // The sender is woken by the change's commit: the message is in the pickup folder within moments.
        var email = await InvoiceEmailAsync(invoice.Number);
        Assert.Equal($"Facture {invoice.Number}", email.Subject);
        Assert.Equal("compta@choraledumarais.test", Assert.Single(email.To.Mailboxes).Address);
        Assert.Equal("auto-generated", email.Headers["Auto-Submitted"]);
        Assert.Contains("Ce message vaut pré-notification du prélèvement SEPA", email.TextBody, StringComparison.Ordinal);
        var pdf = Assert.IsType<MimePart>(Assert.Single(email.Attachments));
        Assert.Equal($"{invoice.Number}.pdf", pdf.FileName);
        using (var bytes = new MemoryStream())
        {
            await pdf.Content!.DecodeToAsync(bytes);
            Assert.Equal(invoice.Pdf, bytes.ToArray());
        }

        await SignInElsewhereAsync("support@demo.test");
        await NavLink("Emails").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Emails", Level = 1 })).ToBeVisibleAsync();
        await Page.GetByLabel("Search by platform").FillAsync("Marais");
        await Page.GetByLabel("Search by platform").PressAsync("Enter");
        await Page.GetByTestId("filter-sent").ClickAsync();
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"Facture {invoice.Number}" });
        await Expect(row).ToContainTextAsync("Chorale du Marais");
        await Expect(row).ToContainTextAsync("Sent");
        await row.GetByRole(AriaRole.Link, new() { Name = $"View “Facture {invoice.Number}”" }).ClickAsync();

        await Expect(Page.GetByTestId("email-subject")).ToHaveTextAsync($"Facture {invoice.Number}");
        await Expect(Page.GetByTestId("email-recipients")).ToHaveTextAsync("compta@choraledumarais.test");
        await Expect(Page.GetByTestId("email-view")).ToContainTextAsync($"{invoice.Number}.pdf");
        await Expect(Page.GetByTestId("email-text")).ToContainTextAsync("Ce message vaut pré-notification du prélèvement SEPA");
        var frame = Page.FrameLocator("iframe[data-testid=email-html]");
        await Expect(frame.GetByText($"La facture {invoice.Number} a été émise", new() { Exact = false })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(Page, "support-email-view");
    }

    private async Task<MimeMessage> InvoiceEmailAsync(string number)
    {
        for (var i = 0; i < 100; i++)
        {
            if (Directory.Exists(Server.MailFolder))
            {
                foreach (var file in Directory.EnumerateFiles(Server.MailFolder, "*.eml"))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.Subject?.Contains(number, StringComparison.Ordinal) == true && message.Attachments.Any())
                    {
                        return message;
                    }
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No email of invoice {number} reached {Server.MailFolder}.");
    }
}

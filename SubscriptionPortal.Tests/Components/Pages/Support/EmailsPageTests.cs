using Bunit;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Components.Pages.Support;
using SubscriptionPortal.Emails;
using SubscriptionPortal.Support;
using SubscriptionPortal.Tests.Integration.Emails;

namespace SubscriptionPortal.Tests.Components.Pages.Support;

/// <summary>Support › Emails on the real desk over a demo database: the list, its filters, one message as sent, and "Send again".</summary>
public sealed class EmailsPageTests : PageRenderTest
{
    [Fact]
    public async Task EmailsPage_ListsEachMessageWithItsPlatformSubjectRecipientsAndStatus()
    {
        await Database.AddAsync("Chorale du Marais", "Facture F-TEST-1", OutboxStatus.Sent);
        await Database.AddAsync("Chorale du Marais", "Facture F-TEST-2", OutboxStatus.Failed, "550 5.1.1 Mailbox unavailable");
        await SignInAsync("support@demo.test");

        var page = RenderPage<EmailsPage>();

        page.WaitForAssertion(() => Assert.Contains("Facture F-TEST-2", page.Markup));
        Assert.Equal("Emails", page.Find("h1").TextContent.Trim());
        var failed = Row(page, "Facture F-TEST-2");
        Assert.Contains("Chorale du Marais", failed.TextContent);
        Assert.Contains("tresorier@chorale.example", failed.TextContent);
        Assert.Contains("Failed", failed.TextContent);
        Assert.Contains("550 5.1.1 Mailbox unavailable", failed.TextContent);
        Assert.Contains("Send again", failed.TextContent);
        var sent = Row(page, "Facture F-TEST-1");
        Assert.Contains("Sent", sent.TextContent);
        Assert.DoesNotContain("Send again", sent.TextContent);
    }

    [Fact]
    public async Task EmailsPage_FilteredByStatusAndSearchedByPlatform_ShowsOnlyTheMatchingMessages()
    {
        await Database.AddAsync("Chorale du Marais", "Facture F-TEST-1", OutboxStatus.Sent);
        await Database.AddAsync("Chorale du Marais", "Facture F-TEST-2", OutboxStatus.Failed, "550 refused");
        await Database.AddAsync("Les Amis du Vélo", "Facture F-TEST-3", OutboxStatus.Failed, "550 refused");
        await SignInAsync("support@demo.test");
        var page = RenderPage<EmailsPage>();
        page.WaitForAssertion(() => Assert.Contains("Facture F-TEST-3", page.Markup));

        page.Find("[data-testid=filter-failed]").Click();
        page.WaitForAssertion(() => Assert.DoesNotContain("Facture F-TEST-1", page.Markup));
        Assert.Contains("Facture F-TEST-2", page.Markup);
        Assert.Contains("Facture F-TEST-3", page.Markup);
        Assert.Equal("true", page.Find("[data-testid=filter-failed]").GetAttribute("aria-pressed"));

        page.Find("#email-search").Change("amis du");
        page.WaitForAssertion(() => Assert.DoesNotContain("Facture F-TEST-2", page.Markup));
        Assert.Contains("Facture F-TEST-3", page.Markup);
        Assert.All(page.FindAll("tbody tr"), row => Assert.Contains("Les Amis du Vélo", row.TextContent));

        page.Find("#email-search").Change("no such platform");
        page.WaitForAssertion(() => Assert.Contains("No email matches.", page.Markup));
    }

    [Fact]
    public async Task EmailsPage_OneMessage_ShowsItAsSentWithTheHtmlInASandboxedFrameOnly()
    {
        var id = await Database.AddAsync("Chorale du Marais", "Facture F-TEST-1", OutboxStatus.Sent);
        await SignInAsync("support@demo.test");

        var page = RenderPage<EmailsPage>(new Dictionary<string, object?> { [nameof(EmailsPage.MessageId)] = id.ToString() });

        page.WaitForAssertion(() => Assert.Equal("Facture F-TEST-1", page.Find("[data-testid=email-subject]").TextContent.Trim()));
        Assert.Equal("tresorier@chorale.example", page.Find("[data-testid=email-recipients]").TextContent.Trim());
        Assert.Equal("Bonjour Chorale du Marais,\n\nLa facture a été émise.\n", page.Find("[data-testid=email-text]").TextContent);
        Assert.Contains($"&lt;{id:N}@subscriptionportal&gt;", page.Markup);
        var frame = page.Find("iframe[data-testid=email-html]");
        Assert.Equal("", frame.GetAttribute("sandbox"));
        Assert.Equal(OutboxRows.Html, frame.GetAttribute("srcdoc"));
        // The message's markup is never part of the page itself.
        Assert.Empty(page.FindAll("script"));
        Assert.DoesNotContain(page.FindAll("p"), p => p.TextContent.Contains("Bonjour", StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=view-send-again]"));
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e")]
    public async Task EmailsPage_UnknownOrMistypedMessageAddress_SaysItWasNotFoundAndStillLists(string messageId)
    {
        await Database.AddAsync("Chorale du Marais", "Facture F-TEST-1", OutboxStatus.Sent);
        await SignInAsync("support@demo.test");

        var page = RenderPage<EmailsPage>(new Dictionary<string, object?> { [nameof(EmailsPage.MessageId)] = messageId });

        // The message comes first, the list once read: on a database server, in two renders.
        page.WaitForAssertion(() => Assert.Contains("Facture F-TEST-1", page.Markup));
        Assert.Contains("This email was not found", page.Find("[data-testid=emails-message]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=email-view]"));
    }

    [Fact]
    public async Task EmailsPage_SendAgainOnAFailedMessage_QueuesItAndRecordsItInTheAuditLog()
    {
        var id = await Database.AddAsync("Chorale du Marais", "Facture F-TEST-2", OutboxStatus.Failed, "550 5.1.1 Mailbox unavailable");
        await SignInAsync("support@demo.test");
        var page = RenderPage<EmailsPage>();
        page.WaitForAssertion(() => Assert.Contains("Facture F-TEST-2", page.Markup));

        Row(page, "Facture F-TEST-2").QuerySelectorAll("button").Single(b => b.TextContent.Contains("Send again")).Click();

        page.WaitForAssertion(() => Assert.Contains("The email is queued again", page.Find("[data-testid=emails-message]").TextContent));
        // The list is read again after the message is shown: on a database server, in a later render.
        page.WaitForAssertion(() => Assert.Contains("Queued", Row(page, "Facture F-TEST-2").TextContent));
        Assert.DoesNotContain("Send again", Row(page, "Facture F-TEST-2").TextContent);
        await using var db = Database.CreateContext();
        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
        Assert.Equal((OutboxStatus.Queued, 0, (string?)null), (message.Status, message.Attempts, message.LastError));
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditActions.EmailSentAgain);
        Assert.Equal(("support@demo.test", (int?)message.PlatformId), (audit.ActorEmail, audit.PlatformId));
    }

    [Fact]
    public async Task EmailsPage_InFrench_NamesTheColumnsAndFilters()
    {
        UseCulture("fr-FR");
        await Database.AddAsync("Chorale du Marais", "Facture F-TEST-2", OutboxStatus.Failed, "550 refused");
        await SignInAsync("support@demo.test");

        var page = RenderPage<EmailsPage>();

        page.WaitForAssertion(() => Assert.Contains("Facture F-TEST-2", page.Markup));
        Assert.Equal("E-mails", page.Find("h1").TextContent.Trim());
        Assert.Equal(["En attente", "Plateforme", "E-mail", "Objet", "Destinataires", "Statut", "Actions"], page.FindAll("th").Select(th => th.TextContent.Trim()).ToList());
        Assert.Contains("Renvoyer", Row(page, "Facture F-TEST-2").TextContent);
        Assert.Contains("En échec", page.Find("[data-testid=filter-failed]").TextContent);
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page, string subject) =>
        page.FindAll("tbody tr").Single(r => r.TextContent.Contains(subject, StringComparison.Ordinal));
}

using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Components.Pages.Support;
using SubscriptionPortal.Emails;
using SubscriptionPortal.Tests.Integration.Emails;

namespace SubscriptionPortal.Tests.Components.Pages.Support;

/// <summary>
/// Support › Emails when the database answers late: each reading of the list, or of one message (the only
/// query that reads a message's text), is held until the test lets it through.
/// </summary>
public sealed class EmailsPageOnASlowDatabaseTests : PageRenderTest
{
    private readonly HeldCommands gate = new(sql => sql.Contains("FROM \"OutboxMessages\"", StringComparison.Ordinal));
    private readonly HeldCommands messages = new(sql => sql.Contains("\"TextBody\"", StringComparison.Ordinal));

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IInterceptor>(gate);
        services.AddSingleton<IInterceptor>(messages);
    }

    [Fact]
    public async Task AFilterAnsweredAfterTheNextOne_DoesNotReplaceItsList()
    {
        await Database.AddAsync("Chorale du Marais", "Facture F-TEST-1", OutboxStatus.Sent);
        await Database.AddAsync("Chorale du Marais", "Facture F-TEST-2", OutboxStatus.Failed, "550 refused");
        await SignInAsync("support@demo.test");
        var page = RenderPage<EmailsPage>();
        page.WaitForAssertion(() => Assert.Contains("Facture F-TEST-2", page.Markup));

        gate.Close();
        page.Find("[data-testid=filter-failed]").Click();
        await gate.NextHeldAsync();
        page.Find("[data-testid=filter-sent]").Click();
        await gate.NextHeldAsync();

        gate.Release(1);
        page.WaitForAssertion(() => Assert.DoesNotContain("Facture F-TEST-2", page.Markup));
        await gate.ReleaseAndAwaitRenderAsync(page, 0);

        Assert.Contains("Facture F-TEST-1", page.Markup);
        Assert.DoesNotContain("Facture F-TEST-2", page.Markup);
        Assert.Equal("true", page.Find("[data-testid=filter-sent]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task AMessageAnsweredAfterTheNextOneOpened_DoesNotReplaceIt()
    {
        var first = await Database.AddAsync("Chorale du Marais", "Facture F-TEST-1", OutboxStatus.Sent);
        var second = await Database.AddAsync("Chorale du Marais", "Facture F-TEST-2", OutboxStatus.Sent);
        var third = await Database.AddAsync("Chorale du Marais", "Facture F-TEST-3", OutboxStatus.Sent);
        await SignInAsync("support@demo.test");
        var page = RenderPage<EmailsPage>(new Dictionary<string, object?> { [nameof(EmailsPage.MessageId)] = first.ToString() });
        page.WaitForAssertion(() => Assert.Equal("Facture F-TEST-1", Subject(page)));
        var emails = page.FindComponent<EmailsPage>();

        messages.Close();
        emails.Render(p => p.Add(x => x.MessageId, second.ToString()));
        await messages.NextHeldAsync();
        emails.Render(p => p.Add(x => x.MessageId, third.ToString()));
        await messages.NextHeldAsync();

        messages.Release(1);
        page.WaitForAssertion(() => Assert.Equal("Facture F-TEST-3", Subject(page)));
        await messages.ReleaseAndAwaitRenderAsync(page, 0);

        Assert.Equal("Facture F-TEST-3", Subject(page));
    }

    private static string Subject(IRenderedComponent<IComponent> page) => page.Find("[data-testid=email-subject]").TextContent.Trim();
}

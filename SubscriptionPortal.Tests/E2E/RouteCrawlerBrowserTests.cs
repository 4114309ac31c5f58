using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SubscriptionPortal.Tests.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace SubscriptionPortal.Tests.E2E;

/// <summary>
/// The browser half of the route crawl (the HTTP half is Integration/Http/RouteCrawlerTests): every interactive
/// page, found by reflection over its <c>@page</c> routes, reached inside the app by Blazor's own navigation — as a
/// link does, on the live circuit — by each kind of signed-in visitor, with real values and garbage. No circuit
/// shows the unhandled-error bar, and each visitor sees the page or "You do not have access" as SPEC §8 says.
/// One browser per visitor, every page visited in it.
/// </summary>
public sealed class RouteCrawlerBrowserTests(BrowserFixture browser) : PortalPageTest(browser)
{
    private static readonly string[] Garbage = ["2147483648", "-1", "é€😀", "abc"];

    private readonly ConcurrentQueue<string> circuitErrors = new();

    private sealed record PageRoute(Type Component, string Template, bool SupportOnly, IReadOnlyList<string> QueryNames);

    private static List<PageRoute> InteractivePages() =>
        [.. typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsDefined(typeof(ExcludeFromInteractiveRoutingAttribute), inherit: true))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => new PageRoute(
                t,
                r.Template,
                t.GetCustomAttributes<AuthorizeAttribute>(inherit: true).Any(a => a.Roles?.Split(',').Contains("Support") == true),
                [.. t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                    .Select(p => (Property: p, Query: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
                    .Where(p => p.Query is not null)
                    .Select(p => p.Query!.Name ?? p.Property.Name)])))];

    [Fact]
    public async Task EveryInteractivePage_ReachedInsideTheAppByEachVisitor_ShowsThePageOrNoAccess_AndNoCircuitFails()
    {
        var pages = InteractivePages();
        Assert.True(pages.Count >= 12, $"Only {pages.Count} interactive pages found.");
        int choraleId;
        await using (var db = PortalDatabase.Open(Server))
        {
            choraleId = await db.Platforms.Where(p => p.Name == "Chorale du Marais").Select(p => p.Id).SingleAsync();
        }

        var failures = new List<string>();
        var visits = 0;

        // Signed out: every page sends to the sign-in form.
        foreach (var page in pages.Where(p => p.Component.IsDefined(typeof(AuthorizeAttribute), inherit: true)))
        {
            visits++;
            await Page.GotoAsync(Url(page.Template, choraleId, null).TrimStart('/'));
            if (!new Uri(Page.Url).AbsolutePath.Equals("/Account/Login", StringComparison.Ordinal))
            {
                failures.Add($"anonymous {page.Template} → {Page.Url}: expected the sign-in form");
            }
        }

        foreach (var visitor in new[] { "serenity@demo.test", "pro@demo.test", "support@demo.test", "impersonating serenity@demo.test" })
        {
            await SignInAsAsync(visitor);
            var isSupport = visitor == "support@demo.test";
            foreach (var page in pages)
            {
                foreach (var (url, isReal) in Urls(page, choraleId))
                {
                    visits++;
                    var problem = await VisitInsideTheAppAsync(url);
                    var denied = await Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "You do not have access" }).CountAsync() > 0;
                    var notFound = await Page.GetByRole(AriaRole.Heading, new() { Name = "Not Found", Level = 1 }).CountAsync() > 0;
                    var errorShown = await Page.Locator("#blazor-error-ui").IsVisibleAsync();
                    if (problem is not null)
                    {
                        failures.Add($"{visitor} {url}: {problem}");
                    }
                    else if (errorShown || !circuitErrors.IsEmpty)
                    {
                        failures.Add($"{visitor} {url}: the circuit failed {string.Join(" | ", circuitErrors)}");
                        circuitErrors.Clear();
                        await GotoAsync("");
                    }
                    else if (page.SupportOnly && !isSupport && !denied && !(notFound && !isReal))
                    {
                        // Garbage that no route matches is a plain "Not Found", which shows nothing either.
                        failures.Add($"{visitor} {url}: a support page without \"You do not have access\"");
                    }
                    else if (isReal && (!page.SupportOnly || isSupport) && denied)
                    {
                        failures.Add($"{visitor} {url}: refused a page they may open");
                    }
                }
            }
        }

        await Screenshots.SaveAsync(Page, "route-crawl-last-page");
        Assert.True(failures.Count == 0, $"{failures.Count} of {visits} visits went wrong:\n" + string.Join("\n", failures));
    }

    private async Task SignInAsAsync(string visitor)
    {
        if (visitor.StartsWith("impersonating ", StringComparison.Ordinal))
        {
            await SignInElsewhereAsync("support@demo.test");
            var console = new SupportConsolePage(Page);
            await GotoAsync("support");
            await console.OpenPlatformAsync("Chorale du", "Chorale du Marais");
            await console.ImpersonateAsync(visitor["impersonating ".Length..], "Route crawl: every page as the admin.");
            await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/", new() { WaitUntil = WaitUntilState.Commit });
            await WaitForInteractiveAsync();
            await Expect(console.Banner).ToBeVisibleAsync();
        }
        else
        {
            await SignInElsewhereAsync(visitor);
        }

        Page.Console += (_, message) =>
        {
            if (message.Type == "error" && (message.Text.Contains("Unhandled", StringComparison.OrdinalIgnoreCase)
                || message.Text.Contains("Circuit", StringComparison.OrdinalIgnoreCase)))
            {
                circuitErrors.Enqueue(message.Text);
            }
        };
    }

    /// <summary>Navigates as a link inside the app does, then waits until the page (or the refusal) is drawn.</summary>
    private async Task<string?> VisitInsideTheAppAsync(string url)
    {
        await WaitForInteractiveAsync();
        var path = url.Split('?')[0];
        await Page.EvaluateAsync("url => Blazor.navigateTo(url)", url);
        try
        {
            await Page.WaitForURLAsync(u => Uri.UnescapeDataString(new Uri(u).AbsolutePath) == Uri.UnescapeDataString(path)
                || new Uri(u).AbsolutePath.StartsWith("/Account/", StringComparison.Ordinal) || new Uri(u).AbsolutePath != "/" || path == "/",
                new() { Timeout = 10_000 });
            // Drawn: a heading or an alert (the refusal, a message), with the circuit still live.
            await Page.Locator("h1, [role='alert']").First.WaitForAsync(new() { Timeout = 10_000 });
            await WaitForInteractiveAsync();
            await Page.WaitForTimeoutAsync(150);
            return null;
        }
        catch (TimeoutException)
        {
            return $"nothing was drawn (at {Page.Url})";
        }
    }

    /// <summary>The page's address with real values, then garbage in each route parameter and each query parameter.</summary>
    private static IEnumerable<(string Url, bool IsReal)> Urls(PageRoute page, int platformId)
    {
        yield return (Url(page.Template, platformId, null), true);
        var parameters = page.Template.Split('/').Where(s => s.StartsWith('{')).ToList();
        foreach (var parameter in parameters)
        {
            foreach (var garbage in Garbage)
            {
                yield return (Url(page.Template, platformId, (parameter, garbage)), false);
            }
        }

        foreach (var name in page.QueryNames)
        {
            foreach (var garbage in Garbage)
            {
                yield return ($"{Url(page.Template, platformId, null)}?{name}={Uri.EscapeDataString(garbage)}", false);
            }
        }
    }

    private static string Url(string template, int platformId, (string Segment, string Value)? replace) =>
        string.Join('/', template.Split('/').Select(segment => segment switch
        {
            _ when replace is { } r && r.Segment == segment => Uri.EscapeDataString(r.Value),
            "{OfferCode}" => "professional",
            _ when segment.StartsWith("{Id", StringComparison.OrdinalIgnoreCase) => platformId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ when segment.StartsWith('{') => "1",
            _ => segment,
        }));
}

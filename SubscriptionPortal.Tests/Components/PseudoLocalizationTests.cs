using System.Reflection;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SubscriptionPortal.Components.Pages.Support;

namespace SubscriptionPortal.Tests.Components;

/// <summary>
/// Renders every routable page under a localizer that wraps each resource string as <c>[!! … !!]</c>, and
/// finds any visible text outside the wrappers that is not data (names, emails, numbers, dates, amounts,
/// document numbers, what the database holds, the offers' brand names). Such text was written into the
/// page or a service instead of a resource. One run per kind of visitor: anonymous, a platform admin, a
/// support agent; each page is rendered by the visitor its authorization asks for.
/// </summary>
public sealed partial class PseudoLocalizationTests : PageRenderTest
{
    public const string Anonymous = "anonymous";
    public const string Admin = "serenity@demo.test";
    public const string Agent = "support@demo.test";

    private static readonly string[] BrandNames = ["Liberty", "Payment", "Serenity", "Professional", "SubscriptionPortal"];

    public static TheoryData<string> Visitors() => new() { Anonymous, Admin, Agent };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory>(sp => new PseudoLocalizerFactory(
            new ResourceManagerStringLocalizerFactory(sp.GetRequiredService<IOptions<LocalizationOptions>>(), sp.GetRequiredService<ILoggerFactory>()))));

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task EveryPage_UnderPseudoLocalization_ShowsNoTextOutsideItsResources(string visitor)
    {
        UseCulture("en-GB");
        if (visitor != Anonymous)
        {
            await SignInAsync(visitor);
        }

        var data = await DataAsync();
        var pages = RoutablePages().Where(p => VisitorOf(p) == visitor).ToList();
        Assert.NotEmpty(pages);

        var failures = new List<string>();
        var scopes = new List<AsyncServiceScope>();
        try
        {
            foreach (var page in pages)
            {
                // Each page has the services of a scope of its own, as each request or circuit has in the app. On a
                // database server a page may still be awaiting its DbContext when the next one is rendered.
                var scope = Database.Services.CreateAsyncScope();
                scopes.Add(scope);
                Context.Services.AddFallbackServiceProvider(scope.ServiceProvider);
                var route = page.GetCustomAttributes<RouteAttribute>().First().Template;
                IRenderedComponent<IComponent> rendered;
                try
                {
                    rendered = RenderPage(page, await ParametersAsync(page));
                    WaitUntilLoaded(rendered);
                }
                catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
                {
                    failures.Add($"{route} ({page.Name}) did not render: {ex.GetType().Name}: {ex.Message}");
                    continue;
                }

                failures.AddRange(HardCodedTexts(rendered, data).Select(text => $"{route} ({page.Name}): \"{text}\""));
            }
        }
        finally
        {
            await Context.DisposeComponentsAsync();
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }

        Assert.True(failures.Count == 0,
            $"Text outside the resources, as {visitor} ({failures.Count}):{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    [Fact]
    public void PseudoLocalizer_WrapsEachResourceString()
    {
        var factory = new PseudoLocalizerFactory(new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));
        var localizer = factory.Create(typeof(OverduePage));

        UseCulture("en-GB");
        Assert.Equal("[!! Overdue !!]", localizer["Overdue"].Value);
        Assert.Equal("[!! Pause dunning of Chorale !!]", localizer["PauseDunningOf", "Chorale"].Value);
    }

    [Fact]
    public void HardCodedTexts_FindsTextOutsideTheWrappers_AndLeavesDataAlone()
    {
        var rendered = Context.Render(builder => builder.AddMarkupContent(0,
            "<h1>[!! Overdue !!]</h1><p>Chorale du Marais — €1,440.00 — 20 Mar 2026, 1,000 · serenity@demo.test · FR76 •••• •••0 189</p>"
            + "<p>[!! Pause dunning of [!! Chorale !!] !!]</p><button title=\"Remove\">[!! Delete !!]</button><p>Serenity 250</p>"
            + "<p>[!! Swapping to <strong>Development</strong> shows more. !!]</p><p>Nothing was changed.</p>"));

        var found = HardCodedTexts(rendered, new HashSet<string> { "Chorale du Marais" });

        Assert.Equal(["Nothing was changed.", "title: Remove"], found);
    }

    /// <summary>Every component with a route in the app.</summary>
    private static IEnumerable<Type> RoutablePages() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttributes<RouteAttribute>().Any())
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    private static string VisitorOf(Type page) =>
        page.GetCustomAttributes<AuthorizeAttribute>(inherit: true).ToList() switch
        {
            [] => Anonymous,
            var rules when rules.Any(r => r.Roles?.Contains("Support", StringComparison.Ordinal) == true) => Agent,
            _ => Admin,
        };

    private async Task<Dictionary<string, object?>> ParametersAsync(Type page)
    {
        var parameters = new Dictionary<string, object?>();
        if (page == typeof(SupportPlatformPage))
        {
            parameters["Id"] = await Database.PlatformIdAsync("Chorale du Marais");
        }
        else if (page.GetProperty("OfferCode") is not null)
        {
            parameters["OfferCode"] = "professional";
        }
        else if (page.GetProperty("Id") is { } id && id.PropertyType == typeof(string))
        {
            parameters["Id"] = "AAAA";
        }

        return parameters;
    }

    private static void WaitUntilLoaded(IRenderedComponent<IComponent> rendered)
    {
        try
        {
            rendered.WaitForState(() => rendered.FindAll(".mud-progress-linear, .mud-table-loading").Count == 0, TimeSpan.FromSeconds(5));
        }
        catch (Bunit.Extensions.WaitForHelpers.WaitForFailedException)
        {
            // Some pages show a progress bar for good (nothing to load as this visitor): their text is read as it is.
        }
    }

    /// <summary>What the database holds and a page may show as it is: names, emails, numbers, stored details.</summary>
    private async Task<HashSet<string>> DataAsync()
    {
        await using var db = Database.CreateContext();
        var values = new List<string?>();
        values.AddRange(StringsOf(await db.Platforms.AsNoTracking().ToListAsync()));
        values.AddRange(StringsOf(await db.Users.AsNoTracking().ToListAsync()));
        values.AddRange(StringsOf(await db.Contacts.AsNoTracking().ToListAsync()));
        values.AddRange(StringsOf(await db.Documents.AsNoTracking().ToListAsync()));
        values.AddRange(StringsOf(await db.AuditEntries.AsNoTracking().ToListAsync()));
        values.AddRange(StringsOf(await db.Mandates.AsNoTracking().ToListAsync()));
        values.AddRange(StringsOf(await db.DirectDebitFiles.AsNoTracking().ToListAsync()));
        values.AddRange(await db.Offers.Select(o => o.Name).ToListAsync());
        return values.Where(v => !string.IsNullOrWhiteSpace(v) && v.Length > 1).Select(v => v!.Trim()).ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<string?> StringsOf<T>(IEnumerable<T> rows)
    {
        var properties = typeof(T).GetProperties().Where(p => p.PropertyType == typeof(string) && p.GetIndexParameters().Length == 0).ToList();
        return rows.SelectMany(row => properties.Select(p => (string?)p.GetValue(row)));
    }

    /// <summary>Each visible text (text nodes, placeholders, tooltips) with letters left once wrappers and data are taken out.</summary>
    private static List<string> HardCodedTexts<T>(IRenderedComponent<T> rendered, HashSet<string> data)
        where T : IComponent
    {
        var found = new List<string>();
        var byLength = data.OrderByDescending(d => d.Length).ToList();
        var texts = new List<string>();
        var attributes = new List<string>();
        foreach (var root in rendered.Nodes)
        {
            foreach (var node in root.GetDescendantsAndSelf())
            {
                if (node is IText text && !InsideCodeOrScript(text))
                {
                    texts.Add(text.Data);
                }
                else if (node is IElement element)
                {
                    foreach (var attribute in new[] { "placeholder", "title" })
                    {
                        if (element.GetAttribute(attribute) is { } value)
                        {
                            attributes.Add($"{attribute}: {WithoutWrappers(value)}");
                        }
                    }
                }
            }
        }

        // The page's text read in order, so that a resource holding markup (a word in bold) is one wrapper
        // across several text nodes; what is left is read back node by node.
        foreach (var piece in WithoutWrappers(string.Join(NodeSeparator, texts)).Split(NodeSeparator))
        {
            Check(piece.Trim());
        }

        foreach (var attribute in attributes)
        {
            Check(attribute.Trim());
        }

        return found;

        void Check(string value)
        {
            var rest = value.StartsWith("placeholder:", StringComparison.Ordinal) || value.StartsWith("title:", StringComparison.Ordinal)
                ? value[(value.IndexOf(':', StringComparison.Ordinal) + 1)..]
                : value;
            foreach (var item in byLength)
            {
                rest = rest.Replace(item, " ", StringComparison.Ordinal);
            }

            rest = Email().Replace(rest, " ");
            rest = MaskedIban().Replace(rest, " ");
            rest = DateText().Replace(rest, " ");
            foreach (var brand in BrandNames)
            {
                rest = rest.Replace(brand, " ", StringComparison.Ordinal);
            }

            if (Words().IsMatch(rest))
            {
                found.Add(value);
            }
        }
    }

    private const char NodeSeparator = '\u0001';

    private static bool InsideCodeOrScript(INode node)
    {
        for (var parent = node.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            if (parent.LocalName is "script" or "style" or "code" or "kbd" or "svg")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text with every <c>[!! … !!]</c> taken out, innermost first (an argument can be a wrapped text itself).</summary>
    private static string WithoutWrappers(string text)
    {
        string previous;
        do
        {
            previous = text;
            text = Wrapper().Replace(text, " ");
        }
        while (text != previous);

        return text;
    }

    [GeneratedRegex(@"\[!! (?:(?!\[!! | !!\]).)*? !!\]", RegexOptions.Singleline)]
    private static partial Regex Wrapper();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+")]
    private static partial Regex Email();

    // A date as the formatter writes it ("20 Mar 2026", "20 mars 2026", "20 Mar 2026 14:05").
    [GeneratedRegex(@"\b\d{1,2} \p{L}{3,5}\.? \d{4}\b")]
    private static partial Regex DateText();

    // An IBAN as pages show it, masked but for its country, key and last digits ("FR76 •••• •••0 189").
    [GeneratedRegex(@"\b[A-Z]{2}\d{2}(?: [•\d]{1,4})+")]
    private static partial Regex MaskedIban();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Words();
}

using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SubscriptionPortal.Tests.E2E.Settings;
using SubscriptionPortal.Tests.Integration.Http;
using static Microsoft.Playwright.Assertions;

namespace SubscriptionPortal.Tests.E2E.Operations;

/// <summary>
/// Alone, because a meter is found by its name in the whole process: another test's app running at
/// the same time would add its own counts (one app per process, as in production, has no such issue).
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed partial class MetricsTests(BrowserFixture browser) : PortalPageTest(browser)
{
    [Fact]
    public async Task Metrics_AfterAPlanChangeInTheBrowser_CountTheChangeItsDocumentsAndTheOpenCircuit()
    {
        using var scraper = SignedInClient.Anonymous(Server);
        var before = await scraper.GetStringAsync("metrics");

        var flow = new ChangeFlowPage(Page);
        await SignInAsync("serenity@demo.test");
        await flow.OpenOffersAsync();
        await flow.OpenTabAsync("Professional");
        await flow.Choose("Professional").ClickAsync();
        await flow.ValidateAndConfirmAsync();
        await Expect(Page.GetByTestId("plan-offer")).ToHaveTextAsync("Professional");
        var after = await scraper.GetStringAsync("metrics");

        Assert.Equal(1, Sum(after, "portal_changes_validated_total") - Sum(before, "portal_changes_validated_total"));
        Assert.Equal(1, Sum(after, "portal_documents_issued_total", "kind=\"invoice\"") - Sum(before, "portal_documents_issued_total", "kind=\"invoice\""));
        Assert.Equal(1, Sum(after, "portal_documents_issued_total", "kind=\"credit_note\"") - Sum(before, "portal_documents_issued_total", "kind=\"credit_note\""));
        Assert.True(Sum(after, "portal_circuits_active") >= 1, "the browser's circuit is open");
        Assert.Contains("http_server_request_duration_seconds", after);
        Assert.Contains("dotnet_gc_collections", after);
    }

    /// <summary>The sum of a metric's samples in Prometheus' text format, over the series whose labels contain <paramref name="label"/>.</summary>
    private static double Sum(string exposition, string metric, string label = "") =>
        Sample().Matches(exposition)
            .Where(m => m.Groups["name"].Value == metric && m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<labels>\{[^}]*\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Metrics, alone in the process";
}

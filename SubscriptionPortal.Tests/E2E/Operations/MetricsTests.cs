using Microsoft.Playwright;
using SubscriptionPortal.Tests.E2E.Settings;
using SubscriptionPortal.Tests.Integration.Http;
using static Microsoft.Playwright.Assertions;
using static SubscriptionPortal.Tests.Integration.Operations.MetricsScrape;

namespace SubscriptionPortal.Tests.E2E.Operations;

/// <summary>
/// Alone, because a meter is found by its name in the whole process: another test's app running at
/// the same time would add its own counts (one app per process, as in production, has no such issue).
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsTests(BrowserFixture browser) : PortalPageTest(browser)
{
    private const string BlazorEvents = "aspnetcore_components_handle_event_duration_seconds";

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
        // Blazor's browser events: the clicks above were handled by the circuit and timed, with a bucket at the 150 ms goal.
        Assert.True(Sum(after, BlazorEvents + "_count") > Sum(before, BlazorEvents + "_count"), "the clicks' handling is timed");
        Assert.Contains(after.Split('\n'), line => line.StartsWith(BlazorEvents + "_bucket{", StringComparison.Ordinal)
            && line.Contains("le=\"0.15\"", StringComparison.Ordinal));
        // The SQLite WAL as the background checkpoint last found it, less than a few seconds ago.
        Assert.NotNull(Value(after, "portal_sqlite_wal_frames"));
        Assert.NotNull(Value(after, "portal_sqlite_wal_uncopied_frames"));
        Assert.InRange(Value(after, "portal_sqlite_wal_checkpoint_age_seconds") ?? -1, 0, 30);
        Assert.Contains("http_server_request_duration_seconds", after);
        Assert.Contains("dotnet_gc_collections", after);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Metrics, alone in the process";
}

using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Playwright;
using SubscriptionPortal.Components;
using SubscriptionPortal.Tests.Integration.Http;

namespace SubscriptionPortal.Tests.E2E.Operations;

[Collection(BrowserCollection.Name)]
public sealed class MemoryDiagnosticsBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task MemoryDiagnostics_CountsASignedInBrowsersCircuit_UntilTheBrowserCloses()
    {
        await using var server = new PortalServer(new Dictionary<string, string?> { ["Diagnostics:Enabled"] = "true" });
        using var client = SignedInClient.Anonymous(server);
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl, Locale = "en-GB" });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();

        await page.GotoAsync("Account/Login");
        await page.GetByLabel("Email").FillAsync("serenity@demo.test");
        await page.GetByLabel("Password").FillAsync(PortalPageTest.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GotoAsync("settings/subscription");
        await page.Locator("[data-interactive='true']").First.WaitForAsync();
        // The page the sign-in led to had a circuit too: leaving it tells the server, which may hear it only after
        // the new page is interactive on a busy machine.
        var open = await WaitForAsync(client, s => s.OpenCircuits <= 1, TimeSpan.FromSeconds(20));

        await context.CloseAsync();
        var disconnected = await WaitForAsync(client, s => s.ConnectedCircuits == 0, TimeSpan.FromSeconds(20));
        var closed = await WaitForAsync(client, s => s.OpenCircuits == 0, CircuitRetention.Period + TimeSpan.FromSeconds(15));

        Assert.Equal(1, open.OpenCircuits);
        Assert.Equal(1, open.ConnectedCircuits);
        Assert.True(open.HeapBytes > 0);
        Assert.Equal(0, disconnected.ConnectedCircuits);
        Assert.Equal(0, closed.OpenCircuits);
    }

    private static async Task<Snapshot> MeasureAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<Snapshot>("diagnostics/memory"))!;

    // A tab closing normally tells the server at once; one that vanishes leaves its circuit retained
    // for the retention period, after which it is closed all the same.
    private static async Task<Snapshot> WaitForAsync(HttpClient client, Func<Snapshot, bool> condition, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        var snapshot = await MeasureAsync(client);
        while (!condition(snapshot) && watch.Elapsed < limit)
        {
            await Task.Delay(200);
            snapshot = await MeasureAsync(client);
        }

        return snapshot;
    }

    private sealed record Snapshot(long HeapBytes, long OpenCircuits, long ConnectedCircuits);
}

using System.Net;
using System.Text.Json;
using SubscriptionPortal.Tests.E2E;
using SubscriptionPortal.Tests.Integration.Http;

namespace SubscriptionPortal.Tests.Integration.Operations;

public sealed class MemoryDiagnosticsTests
{
    [Fact]
    public async Task MemoryDiagnostics_WithoutTheFlag_DoesNotExist()
    {
        await using var server = new PortalServer();
        using var client = SignedInClient.Anonymous(server);

        using var response = await client.GetAsync("diagnostics/memory");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("heapBytes", body);
    }

    [Fact]
    public async Task MemoryDiagnostics_WithTheFlagOff_DoesNotExist()
    {
        await using var server = new PortalServer(new Dictionary<string, string?> { ["Diagnostics:Enabled"] = "false" });
        using var client = SignedInClient.Anonymous(server);

        using var response = await client.GetAsync("diagnostics/memory");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task MemoryDiagnostics_WithTheFlag_ReportsTheHeapAfterAFullCollectionAndNoCircuit()
    {
        await using var server = new PortalServer(new Dictionary<string, string?> { ["Diagnostics:Enabled"] = "true" });
        using var client = SignedInClient.Anonymous(server);
        var collectionsBefore = GC.CollectionCount(GC.MaxGeneration);

        using var response = await client.GetAsync("diagnostics/memory");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(root.GetProperty("heapBytes").GetInt64() > 1_000_000, "the app's heap is at least a megabyte");
        Assert.True(root.GetProperty("workingSetBytes").GetInt64() >= root.GetProperty("heapBytes").GetInt64());
        Assert.Equal(0, root.GetProperty("openCircuits").GetInt64());
        Assert.Equal(0, root.GetProperty("connectedCircuits").GetInt64());
        // The app runs in this test's process: the endpoint's full collection is counted here.
        Assert.True(GC.CollectionCount(GC.MaxGeneration) >= collectionsBefore + 2);
    }

    [Fact]
    public async Task MemoryDiagnostics_FromAnAddressTheMetricsListDoesNotAllow_IsNotFound()
    {
        await using var server = new PortalServer(new Dictionary<string, string?>
        {
            ["Diagnostics:Enabled"] = "true",
            ["Metrics:AllowedAddresses:0"] = "192.0.2.10",
        });
        using var client = SignedInClient.Anonymous(server);

        using var response = await client.GetAsync("diagnostics/memory");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("heapBytes", body);
    }
}

using System.Net;
using SubscriptionPortal.Tests.E2E;
using SubscriptionPortal.Tests.Integration.Http;

namespace SubscriptionPortal.Tests.Integration.Operations;

public sealed class MetricsAccessTests
{
    [Fact]
    public async Task Metrics_FromAnAddressTheConfigurationDoesNotAllow_IsNotFound()
    {
        await using var server = new PortalServer(new Dictionary<string, string?> { ["Metrics:AllowedAddresses:0"] = "192.0.2.10" });
        using var client = SignedInClient.Anonymous(server);

        using var response = await client.GetAsync("metrics");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("portal_", body);
        Assert.DoesNotContain("http_server_request_duration", body);
    }

    [Fact]
    public async Task Metrics_FromAnAllowedNetwork_IsServed()
    {
        await using var server = new PortalServer(new Dictionary<string, string?> { ["Metrics:AllowedAddresses:0"] = "127.0.0.0/8" });
        using var client = SignedInClient.Anonymous(server);

        using var response = await client.GetAsync("metrics");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("dotnet_gc_collections", body.Replace('.', '_'));
    }
}

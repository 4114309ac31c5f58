using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SubscriptionPortal.Tests.Integration.MultiInstance;

/// <summary>
/// The whole app, as Program.cs builds it, on a test server: one of several instances behind a
/// load balancer, all on the same database.
/// </summary>
internal sealed class PortalInstance(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    /// <summary>A client that follows no redirect and keeps no cookie: the test carries them, as a browser would between instances.</summary>
    public HttpClient CreateBareClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
}

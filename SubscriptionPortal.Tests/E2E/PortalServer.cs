using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Tests.Integration;

namespace SubscriptionPortal.Tests.E2E;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 with a random port, its own SQLite database and the demo
/// data: what a person's browser would reach. Unless the test replaces services (a fake clock could
/// change what the demo seeds), the database starts as a copy of the day's
/// <see cref="DatabaseTemplates"/> instead of being migrated and seeded again.
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "sp-e2e", Guid.NewGuid().ToString("N"));
    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? services;

    /// <param name="settings">Configuration values on top of the test defaults.</param>
    /// <param name="services">Replaces some of the app's services (a fake clock), after the app registered its own.</param>
    public PortalServer(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        this.settings = settings ?? new Dictionary<string, string?>();
        this.services = services;
        Directory.CreateDirectory(folder);
        // Kestrel instead of the in-memory test server, so a browser can connect.
        UseKestrel(0);
    }

    public string DatabasePath => Path.Combine(folder, "portal.db");

    /// <summary>Where the app's emails are written (pickup delivery), one <c>.eml</c> file per message.</summary>
    public string MailFolder => Path.Combine(folder, "mail");

    public string BaseUrl
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/";
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (services is null && !File.Exists(DatabasePath))
        {
            DatabaseTemplates.CopyDemoOfTheDay(DateTimeOffset.UtcNow, DatabasePath);
        }

        builder.UseEnvironment("Development");
        builder.UseUrls("http://127.0.0.1:0");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={DatabasePath}");
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Email:Delivery", "Pickup");
        builder.UseSetting("Email:PickupFolder", MailFolder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temp folder's own cleanup.
        }
    }
}

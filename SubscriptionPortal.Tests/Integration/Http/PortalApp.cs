using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Tests.Integration.Http;

/// <summary>
/// The whole app in memory (ASP.NET Core's test server): real pipeline, real Identity cookie,
/// its own SQLite file with the demo data, and a fake clock the test moves. The file starts as a
/// copy of the day's <see cref="DatabaseTemplates"/>, so the services a test replaces must not
/// be ones the demo's seeding uses.
/// </summary>
public sealed class PortalApp(Action<IServiceCollection>? configure = null) : WebApplicationFactory<Program>
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "sp-http", Guid.NewGuid().ToString("N"));

    /// <summary>Starts at the real "now" so the demo data is as a person would see it today.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>An app where Identity re-checks the sign-in cookie's security stamp every minute, instead of every 30.</summary>
    public static PortalApp CheckingSecurityStampsEveryMinute() =>
        new(services => services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1)));

    public PortalClient CreatePortalClient() => new(this);

    public ApplicationDbContext OpenDatabase() =>
        Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContext();

    /// <summary>Reads a sign-in cookie the way the app does: null when it is not genuine.</summary>
    public AuthenticationTicket? ReadIdentityCookie(string value) =>
        Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).TicketDataFormat.Unprotect(value);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "portal.db");
        if (!File.Exists(database))
        {
            DatabaseTemplates.CopyDemoOfTheDay(Clock.GetUtcNow(), database);
        }

        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={database}");
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            configure?.Invoke(services);
        });
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

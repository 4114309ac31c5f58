using System.Text.Json;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using SubscriptionPortal.Data;
using SubscriptionPortal.Emails;

namespace SubscriptionPortal.Operations;

/// <summary>What an operator asks of a running portal: health, metrics, and a backup of its embedded database.</summary>
internal static class OperationsRegistration
{
    private const string ReadyTag = "ready";

    /// <summary>ASP.NET Core's meter of Blazor's navigations and browser events.</summary>
    private const string BlazorEventsMeter = "Microsoft.AspNetCore.Components";

    /// <summary>Its histogram of the time taken to handle one browser event, in seconds.</summary>
    private const string BlazorEventDuration = "aspnetcore.components.handle_event.duration";

    private static readonly double[] BlazorEventBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10];

    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddSingleton<JobHeartbeats>();
        services.AddHealthChecks()
            .AddDbContextCheck<ApplicationDbContext>("database", tags: [ReadyTag])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [ReadyTag])
            .AddCheck<JobsHealthCheck>("jobs", tags: [ReadyTag]);

        services.AddSingleton<PortalMetrics>();
        services.AddSingleton<IInterceptor, BusinessEventCounter>();
        services.AddSingleton<IOutboxObserver, EmailDeliveryCounter>();
        services.AddSingleton<OutboxAgeGauge>();
        services.AddSingleton<SqliteWalGauge>();
        services.AddSingleton<OpenCircuits>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitCounter>());
        services.AddSingleton<MetricsAccess>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter(PortalMetrics.MeterName)
            // Blazor's own: how long the server took to handle each browser event (a click, a changed radio),
            // by component and method, from the moment the circuit runs it until its handler has finished.
            // The 150 ms bound is the tier change's goal, so the share within it is read off one bucket.
            .AddMeter(BlazorEventsMeter)
            .AddView(BlazorEventDuration, new ExplicitBucketHistogramConfiguration { Boundaries = BlazorEventBoundaries })
            // Created with the meter provider, so the outbox's age and the WAL's state are there from the first scrape.
            .AddInstrumentation(sp => sp.GetRequiredService<OutboxAgeGauge>())
            .AddInstrumentation(sp => sp.GetRequiredService<SqliteWalGauge>())
            // Every scrape reads the counters as they are now.
            .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    /// <summary>
    /// <c>/health/live</c> answers while the process runs; <c>/health/ready</c> also needs the database,
    /// its migrations and the periodic jobs. <c>/metrics</c> answers only the allowed addresses;
    /// others get the app's usual 404, as for any page that does not exist. <c>/diagnostics/memory</c>
    /// exists only when switched on (<see cref="MemoryDiagnostics"/>).
    /// </summary>
    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
        var access = app.Services.GetRequiredService<MetricsAccess>();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == "/metrics" && access.Allows(context.Connection.RemoteIpAddress));
        app.MapMemoryDiagnostics();
        return app;
    }

    /// <summary>
    /// Runs an operator command given on the command line instead of the web host. Returns false when
    /// the arguments name none, so the app starts as usual.
    /// </summary>
    public static async Task<bool> RunOperationsCommandAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "backup")
        {
            return false;
        }

        if (args.Length != 2)
        {
            await Console.Error.WriteLineAsync("Usage: SubscriptionPortal backup FILE (a new file; the running app's SQLite database is copied into it).");
            Environment.ExitCode = 2;
            return true;
        }

        if (DataRegistration.ProviderOf(app.Configuration) != DatabaseProvider.Sqlite)
        {
            await Console.Error.WriteLineAsync("backup copies the embedded SQLite database; back up PostgreSQL with pg_dump.");
            Environment.ExitCode = 2;
            return true;
        }

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync();
        var result = await SqliteBackup.CreateAsync(db.Database.GetConnectionString()!, args[1]);
        if (result.Succeeded)
        {
            await Console.Out.WriteLineAsync($"Backed up to {Path.GetFullPath(args[1])}.");
        }
        else
        {
            await Console.Error.WriteLineAsync(result.Message);
            Environment.ExitCode = 1;
        }

        return true;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description ?? e.Value.Exception?.Message }),
        }));
    }
}

using Microsoft.Extensions.Options;

namespace SubscriptionPortal.Payments.Dunning;

/// <summary>Runs the dunning job at start and then every <see cref="DunningOptions.IntervalMinutes"/>.</summary>
internal sealed class DunningHostedService(
    IServiceScopeFactory scopes,
    IOptions<DunningOptions> options,
    TimeProvider clock,
    ILogger<DunningHostedService> logger) : PeriodicJob(scopes, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.IntervalMinutes);

    protected override string Name => "Dunning";

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<DunningJob>().RunAsync(ct);
}

using Microsoft.Extensions.Options;
using SubscriptionPortal.Billing;

namespace SubscriptionPortal.Subscriptions;

/// <summary>Runs the renewal job at start and then every <see cref="BillingOptions.RenewalIntervalMinutes"/>.</summary>
internal sealed class RenewalHostedService(IServiceScopeFactory scopes, IOptions<BillingOptions> options, TimeProvider clock, ILogger<RenewalHostedService> logger)
    : PeriodicJob(scopes, clock, logger)
{
    private readonly ILogger<RenewalHostedService> logger = logger;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.RenewalIntervalMinutes);

    protected override string Name => "Renewal job";

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var issued = await services.GetRequiredService<RenewalService>().RenewDueAsync(ct);
        if (issued > 0)
        {
            logger.RenewalJobIssued(issued);
        }
    }
}

using Microsoft.Extensions.Options;
using SubscriptionPortal.Billing;

namespace SubscriptionPortal.Subscriptions;

/// <summary>Runs the renewal job at start and then every <see cref="BillingOptions.RenewalIntervalMinutes"/>.</summary>
internal sealed class RenewalHostedService(IServiceScopeFactory scopes, IOptions<BillingOptions> options, TimeProvider clock, ILogger<RenewalHostedService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.RenewalIntervalMinutes)), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var issued = await scope.ServiceProvider.GetRequiredService<RenewalService>().RenewDueAsync(stoppingToken);
                if (issued > 0)
                {
                    logger.LogInformation("Renewal job issued {Count} invoices.", issued);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next tick tries again; a failed renewal wrote nothing (one transaction each).
                logger.LogError(ex, "Renewal job failed.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

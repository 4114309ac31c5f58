using Microsoft.Extensions.Options;
using SubscriptionPortal.Billing;

namespace SubscriptionPortal.Subscriptions;

/// <summary>Runs the closure job at start and then as often as renewals (<see cref="BillingOptions.RenewalIntervalMinutes"/>).</summary>
internal sealed class ClosureHostedService(IServiceScopeFactory scopes, IOptions<BillingOptions> options, TimeProvider clock, ILogger<ClosureHostedService> logger)
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
                await scope.ServiceProvider.GetRequiredService<ClosureService>().CloseDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next tick tries again; a failed closure wrote nothing (one transaction each).
                logger.LogError(ex, "Closure job failed.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

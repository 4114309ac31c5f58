using Microsoft.Extensions.Options;

namespace SubscriptionPortal.Payments;

/// <summary>Runs the submission job at start and then every <see cref="DirectDebitOptions.SubmissionIntervalMinutes"/>.</summary>
internal sealed class DirectDebitHostedService(
    IServiceScopeFactory scopes,
    IOptions<DirectDebitOptions> options,
    TimeProvider clock,
    ILogger<DirectDebitHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.SubmissionIntervalMinutes)), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DirectDebitSubmission>().SubmitDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next tick tries again; a failed run stored no file and submitted nothing (one transaction).
                logger.LogError(ex, "Direct-debit submission failed.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

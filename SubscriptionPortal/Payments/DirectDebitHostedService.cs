using Microsoft.Extensions.Options;

namespace SubscriptionPortal.Payments;

/// <summary>Runs the submission job at start and then every <see cref="DirectDebitOptions.SubmissionIntervalMinutes"/>.</summary>
internal sealed class DirectDebitHostedService(
    IServiceScopeFactory scopes,
    IOptions<DirectDebitOptions> options,
    TimeProvider clock,
    ILogger<DirectDebitHostedService> logger) : PeriodicJob(scopes, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.SubmissionIntervalMinutes);

    protected override string Name => "Direct-debit submission";

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<DirectDebitSubmission>().SubmitDueAsync(ct: ct);
}

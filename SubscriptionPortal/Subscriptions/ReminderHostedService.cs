using Microsoft.Extensions.Options;
using SubscriptionPortal.Billing;

namespace SubscriptionPortal.Subscriptions;

/// <summary>Runs the reminder job at start and then as often as renewals (<see cref="BillingOptions.RenewalIntervalMinutes"/>).</summary>
internal sealed class ReminderHostedService(IServiceScopeFactory scopes, IOptions<BillingOptions> options, TimeProvider clock, ILogger<ReminderHostedService> logger)
    : PeriodicJob(scopes, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.RenewalIntervalMinutes);

    protected override string Name => "Reminder job";

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<ReminderService>().QueueDueAsync(ct);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Subscriptions;

/// <summary>
/// Deletes the quotes nobody validated once they have been expired for a day, at start and then as often as
/// renewals run: every view of the choice page stores one. Validated quotes stay, since a validated quote's
/// id is the idempotency key of its change; the day's grace lets an admin who clicks "Validate offer" on an
/// old page still be offered a new quote rather than be told theirs is gone.
/// </summary>
internal sealed class QuotePurgeHostedService(
    IServiceScopeFactory scopes,
    IOptions<BillingOptions> options,
    TimeProvider clock,
    ILogger<QuotePurgeHostedService> logger) : PeriodicJob(scopes, clock, logger)
{
    public static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    private readonly ILogger<QuotePurgeHostedService> logger = logger;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.RenewalIntervalMinutes);

    protected override string Name => "Quote purge";

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var before = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime - Grace;
        await using var db = await services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync(ct);
        var purged = await db.Quotes.Where(q => q.ValidatedAtUtc == null && q.ExpiresAtUtc < before).ExecuteDeleteAsync(ct);
        if (purged > 0)
        {
            logger.ExpiredQuotesPurged(purged);
        }
    }
}

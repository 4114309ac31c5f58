using System.Data.Common;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Data;
using SubscriptionPortal.Emails;

namespace SubscriptionPortal.Operations;

/// <summary>
/// <c>portal.emails.oldest_queued_age</c>: how long the oldest email still waiting in the outbox (for its first
/// attempt or a retry) has waited, in seconds; 0 when none waits. Read from the database at each scrape, with
/// one indexed query over the queued rows. While the database cannot be read the gauge reports nothing, rather
/// than failing the scrape of every other meter.
/// </summary>
internal sealed class OutboxAgeGauge
{
    private readonly IDbContextFactory<ApplicationDbContext> dbFactory;
    private readonly TimeProvider clock;
    private readonly ILogger<OutboxAgeGauge> logger;

    public OutboxAgeGauge(IMeterFactory meters, IDbContextFactory<ApplicationDbContext> dbFactory, TimeProvider clock, ILogger<OutboxAgeGauge> logger)
    {
        this.dbFactory = dbFactory;
        this.clock = clock;
        this.logger = logger;
        meters.Create(PortalMetrics.MeterName).CreateObservableGauge("portal.emails.oldest_queued_age", Observe, unit: "s",
            description: "Age of the oldest email waiting in the outbox (first attempt or retry), 0 when none waits.");
    }

    private IEnumerable<Measurement<double>> Observe()
    {
        DateTime? oldest;
        try
        {
            using var db = dbFactory.CreateDbContext();
            oldest = db.OutboxMessages.Where(m => m.Status == OutboxStatus.Queued).Min(m => (DateTime?)m.QueuedAtUtc);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            logger.OutboxAgeUnreadable(ex);
            return [];
        }

        var age = oldest is { } queuedAt ? Math.Max(0, (clock.GetUtcNow().UtcDateTime - queuedAt).TotalSeconds) : 0;
        return [new Measurement<double>(age)];
    }
}

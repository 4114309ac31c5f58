using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Emails;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Subscriptions;

/// <summary>
/// Closes the platforms whose cancelled subscription has reached its end date (SPEC §6): from then on
/// the platform is read-only, renews nothing, and keeps only its invoices and data export. Each closure
/// is one transaction that claims the subscription's row, re-checks the state and bumps the subscription's
/// concurrency token, so running the job twice, or on two instances at once, closes a platform once.
/// </summary>
internal sealed class ClosureService(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    EmailOutbox emails,
    TimeProvider clock,
    ILogger<ClosureService> logger)
{
    private static readonly Actor JobActor = Actor.Job("Automatic closure");

    /// <summary>Closes every platform whose cancelled subscription has ended. Returns how many were closed.</summary>
    public async Task<int> CloseDueAsync(CancellationToken ct = default)
    {
        // Local dates run up to 14 hours ahead of UTC: look one day ahead, and let each closure check its platform's date.
        var horizon = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1);
        List<int> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var closed = db.Platforms.Where(p => p.Status == PlatformStatus.Closed).Select(p => p.Id);
            due = await db.Subscriptions
                .Where(s => s.Plan != null && s.CancelAtPeriodEnd && s.EndedOn == null && s.Plan.PeriodEnd <= horizon && !closed.Contains(s.PlatformId))
                .OrderBy(s => s.Plan!.PeriodEnd).Select(s => s.Id)
                .ToListAsync(ct);
        }

        var count = 0;
        foreach (var subscriptionId in due)
        {
            if (await CloseOnceAsync(subscriptionId, ct))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Closes one subscription's platform if its cancelled period has ended; false when there was nothing to do.</summary>
    public async Task<bool> CloseOnceAsync(int subscriptionId, CancellationToken ct = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Claimed in the database: another instance closing the same platform holds the row, and this run moves on.
            if (await db.ClaimAsync<Subscription>(nameof(Subscription.Id), subscriptionId, ct) is not { } subscription)
            {
                return false;
            }

            var platform = await db.Platforms.SingleAsync(p => p.Id == subscription.PlatformId, ct);
            var now = clock.GetUtcNow();
            if (subscription is not { CancelAtPeriodEnd: true, EndedOn: null, CurrentPeriod: { } period }
                || platform.Status == PlatformStatus.Closed
                || PeriodMath.LocalDate(now, platform.TimeZone) < period.End)
            {
                return false;
            }

            subscription.End();
            platform.Close(now.UtcDateTime);
            db.AuditEntries.Add(JobActor.Entry(now.UtcDateTime, platform.Id, AuditActions.PlatformClosed,
                $"The cancelled subscription ended on {period.LastDay:dd/MM/yyyy}: the platform is closed and read-only. Invoices and data export remain available."));
            await emails.PlatformClosedAsync(db, platform.Id, subscription.Id, platform.Name, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            logger.PlatformClosed(platform.Id);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another run closed it, or the admin resumed at the last moment: the next run looks again.
            return false;
        }
    }
}

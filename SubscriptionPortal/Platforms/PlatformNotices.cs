using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Payments.Dunning;
using SubscriptionPortal.Subscriptions;

namespace SubscriptionPortal.Platforms;

/// <summary>
/// The banners of the current platform. Scoped, so one Blazor circuit shares it: a page that changes
/// what the banners say (a cancellation, a resume) calls <see cref="NotifyChanged"/> and the layout
/// reloads them without a full page load.
/// </summary>
internal sealed class PlatformNotices(IDbContextFactory<ApplicationDbContext> dbFactory, OverdueStatus overdue, TimeProvider clock)
{
    /// <summary>Raised when something the banners show may have changed.</summary>
    public event Action? Changed;

    public void NotifyChanged() => Changed?.Invoke();

    /// <summary>The notices of the admin's current platform; null for a user without one.</summary>
    public async Task<PlatformNoticeSet?> GetAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.CurrentPlatformIdAsync(user, ct) is not { } platformId)
        {
            return null;
        }

        var platform = await db.Platforms.AsNoTracking().SingleAsync(p => p.Id == platformId, ct);
        var subscription = await db.Subscriptions.AsNoTracking().SingleAsync(s => s.PlatformId == platformId, ct);
        var closed = platform.Status == PlatformStatus.Closed;
        var now = clock.GetUtcNow();
        var period = subscription.CancelAtPeriodEnd && !closed ? subscription.CurrentPeriod : null;

        // Unpaid after a failure until paid or settled, presented again or not.
        var dunning = await overdue.AssessAsync(db, platformId, ct);
        var options = overdue.Options;
        var oldest = dunning.Oldest;
        DateOnly? DayOf(int day) => oldest is null || oldest.Days >= day ? null : DunningRules.DateOfDay(day, oldest.Days, PeriodMath.LocalDate(now, platform.TimeZone), dunning.PausedUntil);

        return new PlatformNoticeSet(
            platformId,
            platform.Name,
            closed,
            period?.LastDay,
            period?.End,
            platform.ClosedAtUtc is { } at ? PeriodMath.LocalDate(new DateTimeOffset(at, TimeSpan.Zero), platform.TimeZone) : null,
            dunning.Invoices.Select(i => new FailedDebitNotice(i.Number, Money.FromCents(i.UnpaidCents), i.Reason ?? SepaReturnReason.Find("MS03")!, i.NextAttemptOn)).ToList(),
            oldest is null ? null : new OverdueNotice(dunning.State, Money.FromCents(dunning.UnpaidCents), oldest.Days, dunning.NextAttemptOn,
                DayOf(options.RestrictedAfterDays), DayOf(options.SuspendedAfterDays), dunning.PausedUntil));
    }
}

using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Subscriptions;

namespace SubscriptionPortal.Platforms;

/// <summary>
/// The banners of the current platform. Scoped, so one Blazor circuit shares it: a page that changes
/// what the banners say (a cancellation, a resume) calls <see cref="NotifyChanged"/> and the layout
/// reloads them without a full page load.
/// </summary>
internal sealed class PlatformNotices(IDbContextFactory<ApplicationDbContext> dbFactory)
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
        var period = subscription.CancelAtPeriodEnd && !closed ? subscription.CurrentPeriod : null;

        // The latest debit of each invoice tells whether it is still unpaid after a failure.
        var latest = db.DirectDebits.Where(d => d.PlatformId == platformId)
            .GroupBy(d => d.InvoiceId)
            .Select(g => g.Max(d => d.Id));
        var failed = await db.DirectDebits.AsNoTracking()
            .Where(d => latest.Contains(d.Id) && d.Status == DirectDebitStatus.Failed)
            .OrderBy(d => d.Id)
            .Select(d => new { d.AmountCents, d.ReasonCode, Invoice = db.Documents.Where(i => i.Id == d.InvoiceId).Select(i => i.Number).Single() })
            .ToListAsync(ct);

        return new PlatformNoticeSet(
            platformId,
            platform.Name,
            closed,
            period?.LastDay,
            period?.End,
            platform.ClosedAtUtc is { } at ? PeriodMath.LocalDate(new DateTimeOffset(at, TimeSpan.Zero), platform.TimeZone) : null,
            failed.Select(f => new FailedDebitNotice(f.Invoice, Money.FromCents(f.AmountCents), SepaReturnReason.Find(f.ReasonCode)
                ?? SepaReturnReason.Find("MS03")!)).ToList());
    }
}

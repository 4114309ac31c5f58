using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Emails;
using SubscriptionPortal.Payments.Dunning;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Subscriptions;

/// <summary>
/// Cancelling a paid subscription and undoing it (SPEC §6): a cancelled subscription stops renewing
/// and ends with its current period, with no refund; it can be resumed until then. Asking twice does
/// nothing the second time, and neither is possible on a closed platform.
/// </summary>
internal sealed class SubscriptionLifecycle(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    PlatformNotices notices,
    OverdueStatus overdue,
    EmailOutbox emails,
    TimeProvider clock,
    IStringLocalizer<SubscriptionLifecycle> localizer)
{
    // The English texts of the refusals; the user reads them in their language (Resources/Subscriptions/SubscriptionLifecycle).
    public const string FreeMessage = "A free offer has nothing to cancel.";

    public const string EndedMessage =
        "The current period has ended and is being processed: the subscription can no longer be cancelled or resumed. Reload the page in a few minutes.";

    /// <summary>Cancels the current platform's paid subscription at the end of its current period.</summary>
    public Task<CommandResult> CancelAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        ApplyAsync(user, cancel: true, ct);

    /// <summary>Undoes a cancellation before the period ends: the subscription renews again.</summary>
    public Task<CommandResult> ResumeAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        ApplyAsync(user, cancel: false, ct);

    private async Task<CommandResult> ApplyAsync(ClaimsPrincipal user, bool cancel, CancellationToken ct)
    {
        try
        {
            var result = await ApplyOnceAsync(user, cancel, ct);
            if (result.Succeeded)
            {
                notices.NotifyChanged();
            }

            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            // A change, a renewal or the same request in another tab won the race; it may have done just this.
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var platformId = await db.CurrentPlatformIdAsync(user, ct);
            var cancelled = await db.Subscriptions.Where(s => s.PlatformId == platformId).Select(s => s.CancelAtPeriodEnd).SingleAsync(ct);
            return cancelled == cancel
                ? CommandResult.Ok
                : CommandResult.Conflict(localizer["ChangedMeanwhile"]);
        }
    }

    private async Task<CommandResult> ApplyOnceAsync(ClaimsPrincipal user, bool cancel, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.CurrentPlatformIdAsync(user, ct) is not { } platformId)
        {
            return CommandResult.NotFound();
        }

        var platform = await db.Platforms.SingleAsync(p => p.Id == platformId, ct);
        var subscription = await db.Subscriptions.SingleAsync(s => s.PlatformId == platformId, ct);
        if (platform.Status == PlatformStatus.Closed)
        {
            return CommandResult.Invalid(localizer["Closed"]);
        }

        if (await overdue.ReadOnlyRefusalAsync(db, platformId, ct) is { } suspended)
        {
            return CommandResult.Invalid(suspended);
        }

        if (subscription is not { IsPaid: true, CurrentPeriod: { } period })
        {
            return CommandResult.Invalid(localizer["Free"]);
        }

        if (subscription.CancelAtPeriodEnd == cancel)
        {
            // Already as asked (a double click, a second tab): nothing to do, nothing to record.
            return CommandResult.Ok;
        }

        var now = clock.GetUtcNow();
        if (PeriodMath.LocalDate(now, platform.TimeZone) >= period.End)
        {
            return CommandResult.Invalid(localizer["Ended"]);
        }

        string details;
        if (cancel)
        {
            subscription.Cancel();
            details = $"Subscription cancelled: no renewal, no refund. It ends on {period.LastDay:dd/MM/yyyy}; the platform closes on {period.End:dd/MM/yyyy}.";
            var offerName = await db.Offers.Where(o => o.Code == subscription.OfferCode).Select(o => o.Name).SingleAsync(ct);
            await emails.SubscriptionCancelledAsync(db, platformId, offerName, period.End, ct);
        }
        else
        {
            subscription.Resume();
            details = $"Cancellation undone: the subscription renews on {period.End:dd/MM/yyyy}.";
        }

        db.AuditEntries.Add(Actor.From(user).Entry(now.UtcDateTime, platformId, cancel ? AuditActions.SubscriptionCancelled : AuditActions.SubscriptionResumed, details));
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok;
    }
}

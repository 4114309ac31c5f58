using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Emails;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Subscriptions;

/// <summary>
/// The emails sent ahead of a date: a cancelled subscription ends within <see cref="ClosingSoonDays"/> days
/// (email 5), an annual subscription renews within <see cref="RenewalNoticeDays"/> days (email 9). Each
/// reminder is keyed by its subscription and date in the outbox, whose key is unique: the job may run twice,
/// late, or on two instances at once, the reminder is queued once. A job down on the day sends it on its next
/// run, as long as the date is still ahead.
/// </summary>
internal sealed class ReminderService(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    EmailOutbox emails,
    TimeProvider clock,
    ILogger<ReminderService> logger)
{
    public const int ClosingSoonDays = 7;

    public const int RenewalNoticeDays = 30;

    /// <summary>Queues the reminders now due. Returns how many were queued by this run.</summary>
    public async Task<int> QueueDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        // Local dates run up to 14 hours ahead of UTC: look one day further, and let each platform's own date decide.
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        List<Candidate> candidates;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var closingHorizon = today.AddDays(ClosingSoonDays + 1);
            var renewalHorizon = today.AddDays(RenewalNoticeDays + 1);
            candidates = await (from s in db.Subscriptions
                                join p in db.Platforms on s.PlatformId equals p.Id
                                where s.Plan != null && s.EndedOn == null && p.Status != PlatformStatus.Closed
                                      && s.Plan.PeriodEnd >= today
                                      && ((s.CancelAtPeriodEnd && s.Plan.PeriodEnd <= closingHorizon)
                                          || (!s.CancelAtPeriodEnd && s.Plan.Commitment == Commitment.Annual && s.Plan.PeriodEnd <= renewalHorizon))
                                orderby s.Plan!.PeriodEnd
                                select new Candidate(s.Id, p.Id, p.TimeZoneId, s.CancelAtPeriodEnd, s.Plan!.PeriodEnd))
                .ToListAsync(ct);
        }

        var queued = 0;
        foreach (var candidate in candidates)
        {
            var local = PeriodMath.LocalDate(now, TimeZoneInfo.FindSystemTimeZoneById(candidate.TimeZoneId));
            var daysLeft = candidate.PeriodEnd.DayNumber - local.DayNumber;
            var due = candidate.Cancelled ? daysLeft is > 0 and <= ClosingSoonDays : daysLeft is > 0 and <= RenewalNoticeDays;
            if (due && await QueueOneAsync(candidate.SubscriptionId, local, ct))
            {
                queued++;
            }
        }

        return queued;
    }

    /// <summary>Queues the reminder of one subscription, read again now; false when it was already queued or is no longer due.</summary>
    private async Task<bool> QueueOneAsync(int subscriptionId, DateOnly today, CancellationToken ct)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var subscription = await db.Subscriptions.AsNoTracking().SingleAsync(s => s.Id == subscriptionId, ct);
            if (subscription is not { Plan: { } plan, EndedOn: null } || plan.PeriodEnd <= today)
            {
                return false;
            }

            var platform = await db.Platforms.AsNoTracking().SingleAsync(p => p.Id == subscription.PlatformId, ct);
            var offer = await db.Offers.AsNoTracking().Include(o => o.Tiers).SingleAsync(o => o.Code == subscription.OfferCode, ct);
            bool queued;
            if (subscription.CancelAtPeriodEnd)
            {
                queued = await emails.ClosingSoonAsync(db, platform.Id, subscription.Id, offer.Name, plan.PeriodEnd, ct);
            }
            else if (plan.Commitment == Commitment.Annual)
            {
                // Priced as the renewal job will price it on the day, with the balance as it stands today.
                var settings = await db.CatalogSettings.AsNoTracking().SingleAsync(ct);
                var renewal = QuoteCalculator.Renewal(new RenewalInput(CatalogReader.ToPricing(offer), plan.TierMaxContacts, plan.Commitment, plan.AnchorDate,
                    plan.CurrentPeriod, plan.PeriodEnd, settings.VatRate, Money.FromCents(platform.BalanceCents), settings.CollectionDelayDays));
                var debited = renewal.AmountDue > 0 && await MandateService.ActiveAsync(db, platform.Id, ct) is not null;
                queued = await emails.RenewalReminderAsync(db, platform.Id, subscription.Id, offer.Name, plan.TierMaxContacts, plan.PeriodEnd,
                    renewal.Invoice.Totals.IncludingVat, renewal.BalanceApplied, debited ? renewal.CollectionDate : null, ct);
            }
            else
            {
                return false;
            }

            if (queued)
            {
                await db.SaveChangesAsync(ct);
            }

            return queued;
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Another run queued the same reminder at the same moment.
            logger.ReminderQueuedByAnotherRun(subscriptionId);
            return false;
        }
    }

    private sealed record Candidate(int SubscriptionId, int PlatformId, string TimeZoneId, bool Cancelled, DateOnly PeriodEnd);
}

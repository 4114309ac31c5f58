using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Payments.Dunning;

/// <summary>Records a platform's move to its current overdue state, once, in its Activity.</summary>
internal static class DunningTransitions
{
    /// <summary>The platform's dunning record, tracked; a new one (active, never paused) when it has none.</summary>
    public static async Task<PlatformDunning> RecordOfAsync(ApplicationDbContext db, int platformId, CancellationToken ct)
    {
        var record = await db.PlatformDunnings.SingleOrDefaultAsync(d => d.PlatformId == platformId, ct);
        if (record is null)
        {
            record = new PlatformDunning(platformId);
            db.PlatformDunnings.Add(record);
        }

        return record;
    }

    /// <summary>
    /// Moves the record to <paramref name="assessment"/>'s state and writes the Activity entry, with
    /// <paramref name="actor"/> as who caused it and <paramref name="cause"/> as what; null when the state did not change.
    /// </summary>
    public static OverdueStateChanged? Record(ApplicationDbContext db, PlatformDunning record, DunningAssessment assessment, Actor actor, DateTime now,
        string? cause = null)
    {
        var from = record.State;
        if (!record.MoveTo(assessment.State, now))
        {
            return null;
        }

        var details = Describe(from, assessment, cause);
        db.AuditEntries.Add(actor.Entry(now, assessment.PlatformId, AuditActions.OverdueStateChanged, details));
        return new OverdueStateChanged(assessment.PlatformId, from, assessment.State, now, details);
    }

    private static string Describe(OverdueState from, DunningAssessment assessment, string? cause)
    {
        var oldest = assessment.Oldest;
        var amount = Money.FromCents(assessment.UnpaidCents);
        var next = assessment.NextAttemptOn is { } on ? $" Next attempt on {on:dd/MM/yyyy}." : "";
        var text = assessment.State switch
        {
            OverdueState.Active => $"Active again ({Name(from).ToLowerInvariant()} before): nothing is unpaid any more.",
            OverdueState.PaymentFailed => $"Payment failed: invoice {oldest!.Number} is unpaid ({amount:0.00} € due) since its direct debit failed on {oldest.DayZero:dd/MM/yyyy}"
                + (oldest.Reason is { } r ? $" ({r.Code} {r.English.WhatHappened})." : ".") + next,
            OverdueState.Restricted => $"Restricted: invoice {oldest!.Number} unpaid for {oldest.Days} days ({amount:0.00} € due). Plan changes are blocked until it is paid." + next,
            _ => $"Suspended: invoice {oldest!.Number} unpaid for {oldest.Days} days ({amount:0.00} € due). The platform is read-only until it is paid; invoices, data export and the payment method stay open.",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{text}{(cause is null ? "" : $" Cause: {cause}")}");
    }

    public static string Name(OverdueState state) => state switch
    {
        OverdueState.Active => "Active",
        OverdueState.PaymentFailed => "Payment failed",
        OverdueState.Restricted => "Restricted",
        _ => "Suspended",
    };
}

namespace SubscriptionPortal.Payments.Dunning;

/// <summary>What happens next to an unpaid invoice.</summary>
public enum DunningStep
{
    /// <summary>A new presentation is scheduled or at the bank: its answer is awaited.</summary>
    AttemptInProgress,

    /// <summary>Presented again on schedule, on <see cref="InvoiceDunning.NextAttemptOn"/>.</summary>
    RetryScheduled,

    /// <summary>A final reason with a new mandate signed since: presented once under it.</summary>
    PresentUnderNewMandate,

    /// <summary>A final reason (or no mandate at all): waits for the admin's new mandate.</summary>
    WaitingForNewMandate,

    /// <summary>Every retry failed: support records a transfer or writes the debt off.</summary>
    RetriesExhausted,
}

/// <summary>Dunning's view of one unpaid invoice.</summary>
/// <param name="DayZero">The local date its first debit failed.</param>
/// <param name="Days">Days since <paramref name="DayZero"/>, pauses left out.</param>
/// <param name="RetriesDone">Presentations again on the same mandate (a new mandate's presentation does not count).</param>
/// <param name="NextAttemptOn">The date of the next presentation, when one will happen.</param>
/// <param name="IsDueNow">Whether the job presents it again now (not paused, the day has come, a mandate to use).</param>
public sealed record InvoiceDunning(
    int InvoiceId,
    string Number,
    DateOnly IssueDate,
    long UnpaidCents,
    DateOnly DayZero,
    int Days,
    int RetriesDone,
    DebitFact LatestDebit,
    DunningStep Step,
    DateOnly? NextAttemptOn,
    bool IsDueNow,
    string LastReasonCode)
{
    /// <summary>Why the bank refused its latest failed debit.</summary>
    public SepaReturnReason? Reason => SepaReturnReason.Find(LastReasonCode);
}

/// <summary>
/// A platform's dunning on one day, computed without I/O from <see cref="DunningFacts"/>: each unpaid invoice's
/// next step, and the platform's state from the oldest one.
/// </summary>
public sealed record DunningAssessment(
    int PlatformId,
    OverdueState State,
    IReadOnlyList<InvoiceDunning> Invoices,
    bool IsPaused,
    DateOnly? PausedUntil,
    string? PauseReason)
{
    /// <summary>The unpaid invoice whose first failure is the oldest: it sets the state.</summary>
    public InvoiceDunning? Oldest => Invoices.Count == 0 ? null : Invoices[0];

    public long UnpaidCents => Invoices.Sum(i => i.UnpaidCents);

    /// <summary>The earliest next presentation of any unpaid invoice.</summary>
    public DateOnly? NextAttemptOn => Invoices.Where(i => i.NextAttemptOn is not null).Min(i => i.NextAttemptOn);

    public static DunningAssessment Assess(DunningFacts facts, DunningOptions options)
    {
        var paused = DunningRules.IsPaused(facts.Today, facts.PausedUntil);
        var invoices = facts.UnpaidInvoices
            .Where(i => i.Debits.Any(d => d.FailedOn is not null))
            .Select(i => AssessInvoice(i, facts, options, paused))
            .OrderBy(i => i.DayZero).ThenBy(i => i.InvoiceId)
            .ToList();
        var state = DunningRules.StateFor(invoices.Count == 0 ? null : invoices[0].Days, options);
        return new DunningAssessment(facts.PlatformId, state, invoices, paused && invoices.Count > 0,
            paused ? facts.PausedUntil : null, paused ? facts.PauseReason : null);
    }

    private static InvoiceDunning AssessInvoice(InvoiceFact invoice, DunningFacts facts, DunningOptions options, bool paused)
    {
        var debits = invoice.Debits;
        var latest = debits[^1];
        var dayZero = debits.Where(d => d.FailedOn is not null).Min(d => d.FailedOn!.Value);
        var days = DunningRules.EffectiveDays(dayZero, facts.Today, facts.PausedDaysBefore, facts.PausedFrom, facts.PausedUntil);
        var byId = debits.ToDictionary(d => d.Id);
        var retriesDone = debits.Count(d => d.RetryOfDebitId is { } previous && byId.TryGetValue(previous, out var p) && p.MandateId == d.MandateId);

        DunningStep step;
        DateOnly? next = null;
        var dueNow = false;
        if (latest.Status != DirectDebitStatus.Failed)
        {
            step = DunningStep.AttemptInProgress;
            next = latest.CollectionDate;
        }
        else if (!DunningRules.IsRetriedOnSchedule(latest.ReasonCode))
        {
            var newMandate = facts.ActiveMandateId is { } active && active != latest.MandateId;
            step = newMandate ? DunningStep.PresentUnderNewMandate : DunningStep.WaitingForNewMandate;
            if (newMandate)
            {
                next = DunningRules.DateOfDay(days, days, facts.Today, facts.PausedUntil);
                dueNow = !paused;
            }
        }
        else if (DunningRules.RetryDay(retriesDone, options) is { } retryDay)
        {
            step = facts.ActiveMandateId is null ? DunningStep.WaitingForNewMandate : DunningStep.RetryScheduled;
            if (facts.ActiveMandateId is not null)
            {
                next = DunningRules.DateOfDay(retryDay, days, facts.Today, facts.PausedUntil);
                dueNow = !paused && days >= retryDay;
            }
        }
        else
        {
            step = DunningStep.RetriesExhausted;
        }

        var lastReason = debits.Last(d => d.Status == DirectDebitStatus.Failed).ReasonCode ?? "MS03";
        return new InvoiceDunning(invoice.InvoiceId, invoice.Number, invoice.IssueDate, latest.AmountCents, dayZero, days, retriesDone, latest, step, next, dueNow,
            lastReason);
    }
}

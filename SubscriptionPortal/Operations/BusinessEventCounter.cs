using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Data;
using SubscriptionPortal.Emails;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Operations;

/// <summary>
/// Feeds <see cref="PortalMetrics"/> from what is written to the database, so that no feature carries
/// metrics code and every path that issues a document, moves a debit or queues an email is counted. What is saved inside
/// a transaction is counted only once the transaction commits: a rolled-back change counts nothing.
/// </summary>
internal sealed class BusinessEventCounter(PortalMetrics metrics) : AfterCommitInterceptor<BusinessEventCounter.Event>
{
    internal enum Event
    {
        Invoice,
        CreditNote,
        ChangeValidated,
        Renewal,
        DebitSubmitted,
        DebitFailed,
        EmailQueued,
    }

    protected override void Stage(DbContext context, List<Event> staged)
    {
        // The interceptor runs before SaveChanges detects changes: Entries() detects them first (when detection is on),
        // or a debit's new status would only be seen after.
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Added)
            {
                StageInserted(entry.Entity, staged);
            }
            else if (entry is { Entity: DirectDebit debit, State: EntityState.Modified } && entry.Property(nameof(DirectDebit.Status)).IsModified)
            {
                if (debit.Status == DirectDebitStatus.Submitted)
                {
                    staged.Add(Event.DebitSubmitted);
                }
                else if (debit.Status == DirectDebitStatus.Failed)
                {
                    staged.Add(Event.DebitFailed);
                }
            }
        }
    }

    /// <summary>
    /// A new row, saved or inserted by a command: documents are issued through one (<c>DocumentIssuer</c>), and renewal
    /// batches and validated changes insert their debits, emails and audit entries through one too.
    /// </summary>
    protected override void StageInserted(object entity, List<Event> staged)
    {
        switch (entity)
        {
            case BillingDocument document:
                staged.Add(document.Kind == DocumentKind.Invoice ? Event.Invoice : Event.CreditNote);
                break;
            case AuditEntry { Action: AuditActions.SubscriptionChanged }:
                staged.Add(Event.ChangeValidated);
                break;
            case AuditEntry { Action: AuditActions.SubscriptionRenewed }:
                staged.Add(Event.Renewal);
                break;
            // A failed email queued again by support is updated in place, not added: its audit entry counts it,
            // so that queued stays equal to sent, failed and still waiting together.
            case AuditEntry { Action: AuditActions.EmailSentAgain }:
            case OutboxMessage:
                staged.Add(Event.EmailQueued);
                break;
        }
    }

    protected override void Publish(IReadOnlyList<Event> committed)
    {
        foreach (var group in committed.GroupBy(e => e))
        {
            long count = group.Count();
            switch (group.Key)
            {
                case Event.Invoice:
                    metrics.DocumentsIssued(DocumentKind.Invoice, count);
                    break;
                case Event.CreditNote:
                    metrics.DocumentsIssued(DocumentKind.CreditNote, count);
                    break;
                case Event.ChangeValidated:
                    metrics.ChangesValidated(count);
                    break;
                case Event.Renewal:
                    metrics.Renewed(count);
                    break;
                case Event.DebitSubmitted:
                    metrics.DebitsSubmitted(count);
                    break;
                case Event.DebitFailed:
                    metrics.DebitsFailed(count);
                    break;
                case Event.EmailQueued:
                    metrics.EmailsQueued(count);
                    break;
            }
        }
    }
}

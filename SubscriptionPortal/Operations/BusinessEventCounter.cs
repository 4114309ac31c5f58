using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Operations;

/// <summary>
/// Feeds <see cref="PortalMetrics"/> from what is written to the database, so that no feature carries
/// metrics code and every path that issues a document or moves a debit is counted. What is saved inside
/// a transaction is counted only once the transaction commits: a rolled-back change counts nothing.
/// </summary>
internal sealed class BusinessEventCounter(PortalMetrics metrics) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Events> pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stage(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stage(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => EventsOf(eventData.Context)?.DropStaged();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        EventsOf(eventData.Context)?.DropStaged();
        return Task.CompletedTask;
    }

    DbTransaction IDbTransactionInterceptor.TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        // A pooled context is reused: nothing from an earlier, abandoned transaction may leak into this one.
        EventsOf(eventData.Context)?.DropAll();
        return result;
    }

    ValueTask<DbTransaction> IDbTransactionInterceptor.TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken)
    {
        EventsOf(eventData.Context)?.DropAll();
        return ValueTask.FromResult(result);
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Publish(eventData.Context);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Publish(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => EventsOf(eventData.Context)?.DropAll();

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        EventsOf(eventData.Context)?.DropAll();
        return Task.CompletedTask;
    }

    private Events? EventsOf(DbContext? context) => context is not null && pending.TryGetValue(context, out var events) ? events : null;

    private void Stage(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        // The interceptor runs before SaveChanges detects changes; a debit's new status is only seen after.
        if (context.ChangeTracker.AutoDetectChangesEnabled)
        {
            context.ChangeTracker.DetectChanges();
        }

        var events = pending.GetValue(context, _ => new Events());
        events.DropStaged();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case BillingDocument document when entry.State == EntityState.Added:
                    events.Staged.Add(document.Kind == DocumentKind.Invoice ? Event.Invoice : Event.CreditNote);
                    break;
                case AuditEntry audit when entry.State == EntityState.Added && audit.Action == "subscription.changed":
                    events.Staged.Add(Event.ChangeValidated);
                    break;
                case AuditEntry audit when entry.State == EntityState.Added && audit.Action == "subscription.renewed":
                    events.Staged.Add(Event.Renewal);
                    break;
                case DirectDebit debit when entry.State == EntityState.Modified && entry.Property(nameof(DirectDebit.Status)).IsModified:
                    if (debit.Status == DirectDebitStatus.Submitted)
                    {
                        events.Staged.Add(Event.DebitSubmitted);
                    }
                    else if (debit.Status == DirectDebitStatus.Failed)
                    {
                        events.Staged.Add(Event.DebitFailed);
                    }

                    break;
            }
        }
    }

    private void Saved(DbContext? context)
    {
        var events = EventsOf(context);
        if (events is null)
        {
            return;
        }

        events.Committed.AddRange(events.Staged);
        events.Staged.Clear();
        if (context!.Database.CurrentTransaction is null)
        {
            Publish(context);
        }
    }

    private void Publish(DbContext? context)
    {
        var events = EventsOf(context);
        if (events is null)
        {
            return;
        }

        foreach (var group in events.Committed.GroupBy(e => e))
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
            }
        }

        events.DropAll();
    }

    private enum Event
    {
        Invoice,
        CreditNote,
        ChangeValidated,
        Renewal,
        DebitSubmitted,
        DebitFailed,
    }

    /// <summary>Staged: in the SaveChanges under way. Committed: saved, waiting for the transaction to commit.</summary>
    private sealed class Events
    {
        public List<Event> Staged { get; } = [];

        public List<Event> Committed { get; } = [];

        public void DropStaged() => Staged.Clear();

        public void DropAll()
        {
            Staged.Clear();
            Committed.Clear();
        }
    }
}

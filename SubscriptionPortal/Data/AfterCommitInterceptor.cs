using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace SubscriptionPortal.Data;

/// <summary>
/// Publishes what a context's saves wrote once it is durable: at once for a save outside a transaction, at the
/// commit for saves inside one, never for a save that failed or a transaction rolled back. A subclass says what
/// a save stages and what publishing it does; the interceptor protocol lives here once.
/// </summary>
/// <typeparam name="TStaged">What one save can stage: an entity, an event, anything the subclass publishes later.</typeparam>
internal abstract class AfterCommitInterceptor<TStaged> : SaveChangesInterceptor, IDbTransactionInterceptor, IInsertObserver
{
    private readonly ConditionalWeakTable<DbContext, Pending> pending = [];

    public sealed override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Saving(eventData.Context);
        return result;
    }

    public sealed override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Saving(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public sealed override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public sealed override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public sealed override void SaveChangesFailed(DbContextErrorEventData eventData) => PendingOf(eventData.Context)?.DropStaged();

    public sealed override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        PendingOf(eventData.Context)?.DropStaged();
        return Task.CompletedTask;
    }

    DbTransaction IDbTransactionInterceptor.TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        // A pooled context is reused: nothing from an earlier, abandoned transaction may leak into this one.
        PendingOf(eventData.Context)?.DropAll();
        return result;
    }

    ValueTask<DbTransaction> IDbTransactionInterceptor.TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken)
    {
        PendingOf(eventData.Context)?.DropAll();
        return ValueTask.FromResult(result);
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => PendingOf(eventData.Context)?.DropAll();

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        PendingOf(eventData.Context)?.DropAll();
        return Task.CompletedTask;
    }

    /// <summary>Adds to <paramref name="staged"/> what the save about to run writes that is to be published once committed.</summary>
    protected abstract void Stage(DbContext context, List<TStaged> staged);

    /// <summary>
    /// Adds to <paramref name="staged"/> what a row inserted outside the change tracker (<see cref="InsertCommand{TEntity}"/>) is to
    /// publish once committed, as <see cref="Stage"/> does for an added entity; nothing unless the subclass says so.
    /// </summary>
    protected virtual void StageInserted(object entity, List<TStaged> staged)
    {
    }

    void IInsertObserver.Inserted(DbContext context, object entity)
    {
        // Written already, like a save's entities once it has run: it waits for the commit with them (an insert
        // command runs only inside a transaction).
        var state = pending.GetValue(context, _ => new Pending());
        StageInserted(entity, state.SavedIn(context.Database.CurrentTransaction));
    }

    /// <summary>What the committed saves staged, in order; called once per commit, never with nothing, and valid only during the call.</summary>
    protected abstract void Publish(IReadOnlyList<TStaged> committed);

    private Pending? PendingOf(DbContext? context) => context is not null && pending.TryGetValue(context, out var found) ? found : null;

    private void Saving(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var state = pending.GetValue(context, _ => new Pending());
        state.DropStaged();
        Stage(context, state.Staged);
    }

    private void Saved(DbContext? context)
    {
        var state = PendingOf(context);
        if (state is null)
        {
            return;
        }

        state.SavedIn(context!.Database.CurrentTransaction).AddRange(state.Staged);
        state.Staged.Clear();
        if (context.Database.CurrentTransaction is null)
        {
            Committed(context);
        }
    }

    private void Committed(DbContext? context)
    {
        var state = PendingOf(context);
        if (state is null || state.Saved.Count == 0)
        {
            state?.DropAll();
            return;
        }

        try
        {
            Publish(state.Saved);
        }
        finally
        {
            // Published once, even if publishing throws.
            state.DropAll();
        }
    }

    /// <summary>Staged: in the save under way. Saved: written, waiting for its transaction to commit.</summary>
    private sealed class Pending
    {
        private Guid? transaction;

        public List<TStaged> Staged { get; } = [];

        public List<TStaged> Saved { get; } = [];

        /// <summary>
        /// <see cref="Saved"/> for what <paramref name="current"/> writes (null: a save outside any transaction). What an
        /// earlier transaction wrote is dropped first: one disposed without a commit or a rollback (an exception thrown
        /// inside it) tells no interceptor, and a pooled context would otherwise publish it with its next save.
        /// </summary>
        public List<TStaged> SavedIn(IDbContextTransaction? current)
        {
            if (current?.TransactionId != transaction)
            {
                Saved.Clear();
                transaction = current?.TransactionId;
            }

            return Saved;
        }

        public void DropStaged() => Staged.Clear();

        public void DropAll()
        {
            Staged.Clear();
            Saved.Clear();
            transaction = null;
        }
    }
}

/// <summary>Told of each row an <see cref="InsertCommand{TEntity}"/> writes, which no save's interceptor sees.</summary>
internal interface IInsertObserver
{
    void Inserted(DbContext context, object entity);
}

using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Emails;

/// <summary>
/// Wakes the sender once the emails a context saved are committed: at once for a save outside a transaction,
/// at the commit for a save inside one, never for a rolled-back one (whose rows are gone anyway).
/// </summary>
internal sealed class OutboxCommitWatcher(OutboxSignal signal) : AfterCommitInterceptor<OutboxMessage>
{
    protected override void Stage(DbContext context, List<OutboxMessage> staged)
    {
        foreach (var entry in context.ChangeTracker.Entries<OutboxMessage>())
        {
            if (entry.State == EntityState.Added)
            {
                staged.Add(entry.Entity);
            }
        }
    }

    /// <summary>An email inserted by a command rather than a save, as renewal batches and validated changes do.</summary>
    protected override void StageInserted(object entity, List<OutboxMessage> staged)
    {
        if (entity is OutboxMessage message)
        {
            staged.Add(message);
        }
    }

    protected override void Publish(IReadOnlyList<OutboxMessage> committed) => signal.Wake();
}

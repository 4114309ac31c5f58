using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Subscriptions;

/// <summary>
/// Writes what a renewal changes in a subscription's row (its period, the invoice that opened it, its version) by one
/// statement prepared once per batch, on the connection of the context's transaction. A save of 50 renewed plans built a
/// statement for each, checked the whole batch's change tracker and, since the plan is an owned type replaced by a new
/// one, worked out that the old plan and the new one share a row: a sixth of a renewal's time.
/// </summary>
/// <remarks>
/// The row is written only where its version is still the one read, as a save does with the version as a concurrency
/// token; otherwise nothing is written and <see cref="DbUpdateConcurrencyException"/> is thrown. The columns and how each
/// value is sent come from the context's model. The subscriptions must not be tracked when they are renewed
/// (<see cref="StopTracking"/>): the context's next save would write them again.
/// </remarks>
internal sealed class RenewedPlanCommand : IAsyncDisposable
{
    private readonly DbCommand command;
    private readonly ModelColumn periodStart;
    private readonly ModelColumn periodEnd;
    private readonly ModelColumn openingInvoiceId;
    private readonly ModelColumn version;
    private readonly ModelColumn id;
    private readonly ModelColumn readVersion;

    private RenewedPlanCommand(DbCommand command, ModelColumn[] columns)
    {
        this.command = command;
        (periodStart, periodEnd, openingInvoiceId, version, id, readVersion) = (columns[0], columns[1], columns[2], columns[3], columns[4], columns[5]);
    }

    /// <summary>The command in the context's current transaction.</summary>
    /// <exception cref="InvalidOperationException">No transaction is open.</exception>
    public static RenewedPlanCommand Create(DbContext db)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Renewed plans are written inside the caller's transaction.");
        var subscription = db.Model.FindEntityType(typeof(Subscription))!;
        var plan = subscription.FindNavigation(nameof(Subscription.Plan))!.TargetEntityType;
        var table = StoreObjectIdentifier.Table(subscription.GetTableName()!, subscription.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();

        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        var columns = new[]
        {
            plan.FindProperty(nameof(PaidPlan.PeriodStart))!,
            plan.FindProperty(nameof(PaidPlan.PeriodEnd))!,
            plan.FindProperty(nameof(PaidPlan.OpeningInvoiceId))!,
            subscription.FindProperty(nameof(Subscription.Version))!,
            subscription.FindProperty(nameof(Subscription.Id))!,
            subscription.FindProperty(nameof(Subscription.Version))!,
        }.Select(property => ModelColumn.Add(command, property, table, sql)).ToArray();

        command.CommandText = $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET "
            + string.Join(", ", columns[..4].Select(c => $"{c.Name} = {c.Placeholder}"))
            + $" WHERE {columns[4].Name} = {columns[4].Placeholder} AND {columns[5].Name} = {columns[5].Placeholder}";
        return new RenewedPlanCommand(command, columns);
    }

    /// <summary>
    /// Stops tracking <paramref name="subscriptions"/> and their plans as read, before they are renewed: this command
    /// writes them, and the context's save writes the rest of the batch.
    /// </summary>
    public static void StopTracking(DbContext db, IEnumerable<Subscription> subscriptions)
    {
        var renewed = subscriptions.ToHashSet();
        var ids = renewed.Select(s => s.Id).ToHashSet();
        var entries = db.ChangeTracker.Entries().Where(e => e.Entity is Subscription or PaidPlan).ToList();
        // A plan has an entry of its own, keyed by its owner's id; left tracked, the save would write it (or clear its
        // columns, the plan being replaced) in the row of a subscription it no longer tracks.
        foreach (var entry in entries)
        {
            var renewedHere = entry.Entity is Subscription subscription
                ? renewed.Contains(subscription)
                : entry.Property(entry.Metadata.FindOwnership()!.Properties[0].Name).CurrentValue is int ownerId && ids.Contains(ownerId);
            if (renewedHere)
            {
                entry.State = EntityState.Detached;
            }
        }
    }

    /// <summary>Writes the renewed plan and version of <paramref name="subscription"/>, where its row still has <paramref name="versionRead"/>.</summary>
    /// <exception cref="DbUpdateConcurrencyException">The row's version is no longer <paramref name="versionRead"/>: nothing was written.</exception>
    public async Task WriteAsync(Subscription subscription, int versionRead, CancellationToken ct = default)
    {
        var plan = subscription.Plan ?? throw new InvalidOperationException("Only a paid plan is renewed.");
        periodStart.Set(plan.PeriodStart);
        periodEnd.Set(plan.PeriodEnd);
        openingInvoiceId.Set(plan.OpeningInvoiceId);
        version.Set(subscription.Version);
        id.Set(subscription.Id);
        readVersion.Set(versionRead);
        int rows;
        try
        {
            rows = await command.ExecuteNonQueryAsync(ct);
        }
        catch (DbException ex)
        {
            throw new DbUpdateException($"Writing the renewed plan of subscription {subscription.Id} failed: {ex.Message}", ex);
        }

        if (rows != 1)
        {
            throw new DbUpdateConcurrencyException(
                $"Subscription {subscription.Id} changed since it was read (version {versionRead}): its renewed plan was not written.");
        }
    }

    public ValueTask DisposeAsync() => command.DisposeAsync();
}

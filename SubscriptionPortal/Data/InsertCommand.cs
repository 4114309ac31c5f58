using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace SubscriptionPortal.Data;

/// <summary>
/// Inserts new rows of one entity type, one after the other, through a single command on the connection of the
/// context's transaction, without EF Core's change tracker. <c>SaveChanges</c> builds, for every row, its SQL, its
/// parameters and a command, and sorts the rows, and on SQLite every statement is prepared again: for an issued
/// document with its line that was about four times the cost of the inserts themselves. Here the statement is
/// written and prepared once and each row only sets its values.
/// </summary>
/// <remarks>
/// The table, its columns and how each value is sent come from the context's model, through the type mapping
/// EF Core itself uses for a parameter (value converters included), so a row is the one <c>SaveChanges</c>
/// would write (<c>InsertCommandTests</c> compares the two on each provider). The key the database generates is
/// set on the entity, which stays untracked. The interceptors that publish what a save wrote once it commits
/// (<see cref="AfterCommitInterceptor{TStaged}"/>) are told of each row. Meant for new, immutable rows written inside a transaction.
/// A key the application sets (<c>ValueGeneratedNever</c>, as an email's id) is written as any other column.
/// </remarks>
internal sealed class InsertCommand<TEntity> : IAsyncDisposable
    where TEntity : class
{
    private readonly DbCommand command;
    private readonly ModelColumn[] columns;
    private readonly IProperty? generatedKey;
    private readonly DbContext db;
    private readonly IInsertObserver[] observers;

    private InsertCommand(DbContext db, DbCommand command, ModelColumn[] columns, IProperty? generatedKey)
    {
        this.db = db;
        this.command = command;
        this.columns = columns;
        this.generatedKey = generatedKey;
        observers = [.. db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<IInsertObserver>() ?? []];
    }

    /// <summary>The command for <typeparamref name="TEntity"/> in the context's current transaction.</summary>
    /// <exception cref="InvalidOperationException">No transaction is open, or the type has a column no entity holds (a shadow property) or a composite key.</exception>
    public static InsertCommand<TEntity> Create(DbContext db)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} rows are inserted inside the caller's transaction.");
        var entityType = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var key = entityType.FindPrimaryKey()?.Properties is [var single]
            ? single
            : throw new InvalidOperationException($"{typeof(TEntity).Name} needs a single key.");
        var generatedKey = key.ValueGenerated == ValueGenerated.OnAdd ? key : null;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();

        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        var columns = new List<ModelColumn>();
        foreach (var property in entityType.GetProperties().Where(p => p != generatedKey))
        {
            if (property.IsShadowProperty())
            {
                throw new InvalidOperationException($"{typeof(TEntity).Name}.{property.Name} is a shadow property: its value is not on the entity.");
            }

            columns.Add(ModelColumn.Add(command, property, table, sql));
        }

        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => c.Name))}) "
            + $"VALUES ({string.Join(", ", columns.Select(c => c.Placeholder))})"
            + (generatedKey is null ? "" : $" RETURNING {sql.DelimitIdentifier(generatedKey.GetColumnName(table)!)}");
        return new InsertCommand<TEntity>(db, command, [.. columns], generatedKey);
    }

    /// <summary>Inserts <paramref name="entity"/> and sets the key the database gave it, when the database gives it.</summary>
    /// <exception cref="DbUpdateException">The database refused the row (a unique index, a foreign key...): the exception is inside, as with <c>SaveChanges</c>.</exception>
    public async Task InsertAsync(TEntity entity, CancellationToken ct = default)
    {
        foreach (var column in columns)
        {
            column.Set(column.Property.GetGetter().GetClrValueUsingContainingEntity(entity));
        }

        try
        {
            if (generatedKey is null)
            {
                await command.ExecuteNonQueryAsync(ct);
            }
            else
            {
                SetKey(entity, generatedKey, await command.ExecuteScalarAsync(ct));
            }
        }
        catch (DbException ex)
        {
            throw new DbUpdateException($"Inserting a {typeof(TEntity).Name} row failed: {ex.Message}", ex);
        }

        foreach (var observer in observers)
        {
            observer.Inserted(db, entity);
        }
    }

    public ValueTask DisposeAsync() => command.DisposeAsync();

    private static void SetKey(TEntity entity, IProperty key, object? generated)
    {
        // The key's backing field, as EF Core sets it when it reads a row, else its property.
        var id = Convert.ChangeType(generated, key.ClrType, CultureInfo.InvariantCulture);
        if (key.FieldInfo is { } field)
        {
            field.SetValue(entity, id);
        }
        else
        {
            key.PropertyInfo!.SetValue(entity, id);
        }
    }
}

/// <summary>Rows a context was told to add, written by <see cref="InsertCommand{TEntity}"/> instead of its next save.</summary>
internal static class InsertCommand
{
    /// <summary>
    /// Inserts the <typeparamref name="TEntity"/> entities the context tracks as added by one
    /// command in its transaction, and stops tracking them: its next save writes only the rest. For leaf rows (a debit, an
    /// email, an audit entry) that no other tracked entity reaches through a navigation and whose foreign keys are already set.
    /// </summary>
    public static async Task InsertAddedAsync<TEntity>(this DbContext db, CancellationToken ct = default)
        where TEntity : class
    {
        // An added entity is added from the moment it is tracked: finding them needs no scan of every tracked entity's snapshot.
        var tracker = db.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        List<EntityEntry<TEntity>> added;
        try
        {
            added = [.. tracker.Entries<TEntity>().Where(e => e.State == EntityState.Added)];
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }

        if (added.Count == 0)
        {
            return;
        }

        await using (var rows = InsertCommand<TEntity>.Create(db))
        {
            foreach (var entry in added)
            {
                await rows.InsertAsync(entry.Entity, ct);
            }
        }

        foreach (var entry in added)
        {
            entry.State = EntityState.Detached;
        }
    }
}

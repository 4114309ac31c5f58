using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace SubscriptionPortal.Data;

/// <summary>
/// Row locks for work that several instances may attempt at once, held until the caller's
/// transaction ends. On PostgreSQL the row is selected <c>FOR UPDATE</c>: a user's command waits for
/// it, a job's unit of work is claimed with <c>SKIP LOCKED</c> so that instances share the work
/// instead of queueing on it. On SQLite a plain read is enough: Microsoft.Data.Sqlite begins every
/// transaction IMMEDIATE, so a transaction that reaches this point already holds the database's one
/// write lock.
/// </summary>
internal static class RowLocks
{
    /// <summary>Locks the row whose <paramref name="property"/> equals <paramref name="value"/>, waiting for another holder to finish; null when there is no such row.</summary>
    public static Task<TEntity?> LockAsync<TEntity>(this ApplicationDbContext db, string property, object value, CancellationToken ct = default)
        where TEntity : class => SelectAsync<TEntity>(db, property, value, "FOR UPDATE", ct);

    /// <summary>
    /// Locks the row as <see cref="LockAsync{TEntity}"/> does, without reading it, for a caller that reads it next with
    /// what else it needs. On SQLite there is nothing left to do: the transaction holds the write lock already.
    /// </summary>
    public static Task LockWithoutReadingAsync<TEntity>(this ApplicationDbContext db, string property, object value, CancellationToken ct = default)
        where TEntity : class => LockRowAsync(db, Column<TEntity>(db, property), value, "FOR UPDATE", ct);

    /// <summary>
    /// Claims the row for one unit of a job's work; null when there is no such row or another transaction holds it.
    /// <c>NO KEY</c>: claims exclude each other and any update of the row, but not the inserts of rows that
    /// merely reference it (a new invoice of the platform), which a plain <c>FOR UPDATE</c> would make skip it.
    /// </summary>
    public static Task<TEntity?> ClaimAsync<TEntity>(this ApplicationDbContext db, string property, object value, CancellationToken ct = default)
        where TEntity : class => SelectAsync<TEntity>(db, property, value, "FOR NO KEY UPDATE SKIP LOCKED", ct);

    /// <summary>
    /// Claims, in one statement, the rows whose <paramref name="property"/> is one of <paramref name="values"/>, for a
    /// batch of a job's work: the rows another transaction holds are left out, as <see cref="ClaimAsync"/> leaves
    /// out one row, so instances running the job together each take what the others have not. On SQLite the
    /// transaction already holds the database's write lock, so every row found is claimed.
    /// </summary>
    public static async Task<List<TEntity>> ClaimAllAsync<TEntity, TValue>(this ApplicationDbContext db, string property, IReadOnlyCollection<TValue> values,
        CancellationToken ct = default)
        where TEntity : class
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Rows are locked inside the transaction that works on them.");
        var (entity, column) = Column<TEntity>(db, property);
        IReadOnlyCollection<TValue> claimed = values;
        if (db.Database.IsNpgsql())
        {
            await using var command = LockCommand(db, transaction, entity, column, "= ANY(@value)", values.ToArray(), "FOR NO KEY UPDATE SKIP LOCKED");
            var locked = new List<TValue>();
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    locked.Add(reader.GetFieldValue<TValue>(0));
                }
            }

            claimed = locked;
        }

        if (claimed.Count == 0)
        {
            return [];
        }

        // As for one row: read after the lock, in a new statement, so each row is its last committed state.
        return await db.Set<TEntity>().Where(In<TEntity, TValue>(column.PropertyInfo!.Name, [.. claimed])).ToListAsync(ct);
    }

    private static async Task<TEntity?> SelectAsync<TEntity>(ApplicationDbContext db, string property, object value, string lockClause, CancellationToken ct)
        where TEntity : class
    {
        var (entity, column) = Column<TEntity>(db, property);
        if (!await LockRowAsync(db, (entity, column), value, lockClause, ct))
        {
            return null;
        }

        // Read after the lock, in a new statement: under READ COMMITTED it sees the last committed state.
        return await db.Set<TEntity>().SingleOrDefaultAsync(Equal<TEntity>(column.PropertyInfo!.Name, column.ClrType, value), ct);
    }

    /// <summary>
    /// Takes the row's lock; false when PostgreSQL found no such row. On SQLite there is nothing to take (the transaction
    /// holds the write lock), and the answer is true: whoever needs the row reads it.
    /// </summary>
    private static async Task<bool> LockRowAsync(ApplicationDbContext db, (IEntityType Entity, IProperty Column) row, object value, string lockClause,
        CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A row is locked inside the transaction that works on it.");
        if (!db.Database.IsNpgsql())
        {
            return true;
        }

        // The lock is taken by a plain command, then the row is read by an ordinary query: an
        // entity query over raw SQL would be compiled anew for every value (about a millisecond each).
        await using var command = LockCommand(db, transaction, row.Entity, row.Column, "= @value", value, lockClause);
        return await command.ExecuteScalarAsync(ct) is not null;
    }

    /// <summary>
    /// <c>SELECT column FROM table WHERE column condition lock</c> in the caller's transaction, the condition's value
    /// as the parameter <c>@value</c>. The table and column names come from the model, never from input.
    /// </summary>
    private static DbCommand LockCommand(ApplicationDbContext db, IDbContextTransaction transaction, IEntityType entity, IProperty column,
        string condition, object value, string lockClause)
    {
        var name = column.GetColumnName();
        return TransactionCommands.Create(db, transaction, $"SELECT \"{name}\" FROM \"{entity.GetTableName()}\" WHERE \"{name}\" {condition} {lockClause}",
            ("value", value));
    }

    private static (IEntityType Entity, IProperty Column) Column<TEntity>(ApplicationDbContext db, string property)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        return (entity, entity.FindProperty(property) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no property {property}."));
    }

    /// <summary><c>e => values.Contains(e.Property)</c>, with the values as one query parameter.</summary>
    private static Expression<Func<TEntity, bool>> In<TEntity, TValue>(string property, List<TValue> values)
    {
        var entity = Expression.Parameter(typeof(TEntity), "e");
        var box = new Box<List<TValue>>(values);
        var body = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TValue)],
            Expression.Property(Expression.Constant(box), nameof(Box<int>.Value)), Expression.Property(entity, property));
        return Expression.Lambda<Func<TEntity, bool>>(body, entity);
    }

    /// <summary><c>e => e.Property == value</c>, with the value as a query parameter so the query is compiled once.</summary>
    private static Expression<Func<TEntity, bool>> Equal<TEntity>(string property, Type type, object value)
    {
        var entity = Expression.Parameter(typeof(TEntity), "e");
        var box = Activator.CreateInstance(typeof(Box<>).MakeGenericType(type), value)!;
        var body = Expression.Equal(Expression.Property(entity, property), Expression.Property(Expression.Constant(box), nameof(Box<int>.Value)));
        return Expression.Lambda<Func<TEntity, bool>>(body, entity);
    }

    private sealed class Box<T>(T value)
    {
        public T Value { get; } = value;
    }
}

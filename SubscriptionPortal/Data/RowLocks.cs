using Microsoft.EntityFrameworkCore;

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
    /// Claims the row for one unit of a job's work; null when there is no such row or another transaction holds it.
    /// <c>NO KEY</c>: claims exclude each other and any update of the row, but not the inserts of rows that
    /// merely reference it (a new invoice of the platform), which a plain <c>FOR UPDATE</c> would make skip it.
    /// </summary>
    public static Task<TEntity?> ClaimAsync<TEntity>(this ApplicationDbContext db, string property, object value, CancellationToken ct = default)
        where TEntity : class => SelectAsync<TEntity>(db, property, value, "FOR NO KEY UPDATE SKIP LOCKED", ct);

    private static async Task<TEntity?> SelectAsync<TEntity>(ApplicationDbContext db, string property, object value, string lockClause, CancellationToken ct)
        where TEntity : class
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A row is locked inside the transaction that works on it.");
        }

        var entity = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = entity.GetTableName();
        var column = (entity.FindProperty(property) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no property {property}.")).GetColumnName();
        var sql = $"SELECT * FROM \"{table}\" WHERE \"{column}\" = {{0}}";
        if (db.Database.IsNpgsql())
        {
            sql += " " + lockClause;
        }

        // Never composed with LINQ operators: EF would wrap the statement in a subquery, and a lock
        // taken inside a subquery may cover rows that the outer query filters out.
        var rows = await db.Set<TEntity>().FromSqlRaw(sql, value).ToListAsync(ct);
        return rows.SingleOrDefault();
    }
}

using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

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
/// </remarks>
internal sealed class InsertCommand<TEntity> : IAsyncDisposable
    where TEntity : class
{
    private readonly DbCommand command;
    private readonly Column[] columns;
    private readonly IProperty key;
    private readonly DbContext db;
    private readonly IInsertObserver[] observers;

    private InsertCommand(DbContext db, DbCommand command, Column[] columns, IProperty key)
    {
        this.db = db;
        this.command = command;
        this.columns = columns;
        this.key = key;
        observers = [.. db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<IInsertObserver>() ?? []];
    }

    /// <summary>The command for <typeparamref name="TEntity"/> in the context's current transaction.</summary>
    /// <exception cref="InvalidOperationException">No transaction is open, or the type has a column no entity holds (a shadow property) or a key the database does not generate.</exception>
    public static InsertCommand<TEntity> Create(DbContext db)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} rows are inserted inside the caller's transaction.");
        var entityType = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var key = entityType.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } generated]
            ? generated
            : throw new InvalidOperationException($"{typeof(TEntity).Name} needs a single key the database generates.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();

        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        var columns = new List<Column>();
        foreach (var property in entityType.GetProperties().Where(p => p != key))
        {
            if (property.IsShadowProperty())
            {
                throw new InvalidOperationException($"{typeof(TEntity).Name}.{property.Name} is a shadow property: its value is not on the entity.");
            }

            var mapping = property.GetRelationalTypeMapping();
            var name = $"p{columns.Count}";
            var parameter = mapping.CreateParameter(command, sql.GenerateParameterName(name), value: null, property.IsNullable);
            command.Parameters.Add(parameter);
            columns.Add(new Column(property, mapping.Converter, parameter, sql.DelimitIdentifier(property.GetColumnName(table)!), sql.GenerateParameterNamePlaceholder(name)));
        }

        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => c.Name))}) "
            + $"VALUES ({string.Join(", ", columns.Select(c => c.Placeholder))}) RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}";
        return new InsertCommand<TEntity>(db, command, [.. columns], key);
    }

    /// <summary>Inserts <paramref name="entity"/> and sets the key the database gave it.</summary>
    /// <exception cref="DbUpdateException">The database refused the row (a unique index, a foreign key...): the exception is inside, as with <c>SaveChanges</c>.</exception>
    public async Task InsertAsync(TEntity entity, CancellationToken ct = default)
    {
        foreach (var column in columns)
        {
            var value = column.Property.GetGetter().GetClrValueUsingContainingEntity(entity);
            column.Parameter.Value = (column.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
        }

        object? generated;
        try
        {
            generated = await command.ExecuteScalarAsync(ct);
        }
        catch (DbException ex)
        {
            throw new DbUpdateException($"Inserting a {typeof(TEntity).Name} row failed: {ex.Message}", ex);
        }

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

        foreach (var observer in observers)
        {
            observer.Inserted(db, entity);
        }
    }

    public ValueTask DisposeAsync() => command.DisposeAsync();

    private sealed record Column(IProperty Property, ValueConverter? Converter, DbParameter Parameter, string Name, string Placeholder);
}

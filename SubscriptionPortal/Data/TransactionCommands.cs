using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace SubscriptionPortal.Data;

/// <summary>
/// A plain command on the connection of the context's transaction, for one statement whose answer is a value or
/// two: EF Core's raw-SQL queries add their query pipeline (parameter extraction, cache lookup, shaper) to each.
/// </summary>
internal static class TransactionCommands
{
    /// <summary>The command for <paramref name="sql"/>, in <paramref name="transaction"/>, with its named parameters.</summary>
    public static DbCommand Create(ApplicationDbContext db, IDbContextTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}

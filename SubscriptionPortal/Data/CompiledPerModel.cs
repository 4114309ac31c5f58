using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SubscriptionPortal.Data;

/// <summary>
/// An EF Core compiled query, compiled once per model. EF Core refuses to run a compiled query on a model other
/// than the one it was first compiled for, and a process can hold more than one: the SQLite and the PostgreSQL
/// contexts have their own models, and a test run starts apps on both.
/// </summary>
/// <param name="compile">Makes the query (<c>EF.CompileAsyncQuery(...)</c>); called once for each model it meets.</param>
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> byModel = [];

    public TQuery For(DbContext db) => byModel.GetValue(db.Model, _ => compile());
}

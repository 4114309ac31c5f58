using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SubscriptionPortal.Data;

/// <summary>
/// A column of a prepared command written without EF Core's save: its name and its parameter as the model says, the value
/// sent through the type mapping EF Core itself uses for a parameter (value converters included).
/// </summary>
internal sealed record ModelColumn(IProperty Property, ValueConverter? Converter, DbParameter Parameter, string Name, string Placeholder)
{
    /// <summary>Adds to <paramref name="command"/> the parameter of <paramref name="property"/>, named <c>p</c> and its position among them.</summary>
    public static ModelColumn Add(DbCommand command, IProperty property, StoreObjectIdentifier table, ISqlGenerationHelper sql)
    {
        var mapping = property.GetRelationalTypeMapping();
        var name = $"p{command.Parameters.Count}";
        var parameter = mapping.CreateParameter(command, sql.GenerateParameterName(name), value: null, property.IsNullable);
        command.Parameters.Add(parameter);
        return new ModelColumn(property, mapping.Converter, parameter, sql.DelimitIdentifier(property.GetColumnName(table)!), sql.GenerateParameterNamePlaceholder(name));
    }

    /// <summary>Sets the parameter to <paramref name="value"/>, the property's value, as the database stores it.</summary>
    public void Set(object? value) => Parameter.Value = (Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
}

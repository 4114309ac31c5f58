using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using SubscriptionPortal.Payments.Sepa;

namespace SubscriptionPortal.Tests.Unit.Payments.Sepa;

/// <summary>Checks a generated file against the ISO 20022 pain.008.001.02 schema shipped with the tests.</summary>
public static class Pain008Schema
{
    private static readonly Lazy<XmlSchemaSet> Schema = new(() =>
    {
        var set = new XmlSchemaSet();
        set.Add(Pain008Writer.Namespace, Path.Combine(AppContext.BaseDirectory, "Unit", "Payments", "Sepa", "pain.008.001.02.xsd"));
        set.Compile();
        return set;
    });

    public static XNamespace Ns => Pain008Writer.Namespace;

    /// <summary>Every error and warning the schema reports; none for a valid file.</summary>
    public static IReadOnlyList<string> Errors(byte[] xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schema.Value };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    /// <summary>Asserts the file is valid, then returns it for reading.</summary>
    public static XDocument Validated(byte[] xml)
    {
        var errors = Errors(xml);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        return XDocument.Load(new MemoryStream(xml));
    }
}

using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace SubscriptionPortal.Tests.Unit.Billing.EInvoicing;

/// <summary>Reads a Factur-X PDF's structure back with PdfPig: its embedded XML, catalog entries, fonts and XMP.</summary>
internal sealed class FacturXReadBack
{
    public byte[] Xml { get; private init; } = [];

    public string? EmbeddedFileName { get; private init; }

    public string? EmbeddedSubtype { get; private init; }

    /// <summary>The file specifications the catalog's /AF lists, each as (file name, /AFRelationship).</summary>
    public IReadOnlyList<(string Name, string? Relationship)> AssociatedFiles { get; private init; } = [];

    public string? OutputIntentSubtype { get; private init; }

    public string? OutputConditionIdentifier { get; private init; }

    public byte[] IccProfile { get; private init; } = [];

    public int IccComponents { get; private init; }

    public string Xmp { get; private init; } = "";

    public bool HasEncrypt { get; private init; }

    public bool HasJavaScript { get; private init; }

    /// <summary>Each font's base name and whether its descriptor carries the font program.</summary>
    public IReadOnlyList<(string Name, bool Embedded)> Fonts { get; private init; } = [];

    public string Header { get; private init; } = "";

    public static FacturXReadBack Of(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var catalog = document.Structure.Catalog.CatalogDictionary;
        T Resolve<T>(IToken token) where T : IToken =>
            token is IndirectReferenceToken reference ? Resolve<T>(document.Structure.GetObject(reference.Data).Data) : (T)token;
        byte[] Decode(StreamToken stream) => stream.Decode(DefaultFilterProvider.Instance).ToArray();

        var associated = new List<(string, string?)>();
        if (catalog.TryGet(NameToken.Create("AF"), out IToken afToken))
        {
            foreach (var spec in Resolve<ArrayToken>(afToken).Data.Select(Resolve<DictionaryToken>))
            {
                var fileName = Resolve<StringToken>(spec.Data["F"]).Data;
                associated.Add((fileName, spec.TryGet(NameToken.Create("AFRelationship"), out IToken relation) ? Resolve<NameToken>(relation).Data : null));
            }
        }

        byte[] xml = [];
        string? name = null;
        string? subtype = null;
        if (catalog.TryGet(NameToken.Create("Names"), out IToken namesToken))
        {
            var tree = Resolve<DictionaryToken>(Resolve<DictionaryToken>(namesToken).Data["EmbeddedFiles"]);
            var entries = Resolve<ArrayToken>(tree.Data["Names"]).Data;
            name = Resolve<StringToken>(entries[0]).Data;
            var spec = Resolve<DictionaryToken>(entries[1]);
            var stream = Resolve<StreamToken>(Resolve<DictionaryToken>(spec.Data["EF"]).Data["F"]);
            xml = Decode(stream);
            subtype = stream.StreamDictionary.TryGet(NameToken.Create("Subtype"), out IToken s) ? Resolve<NameToken>(s).Data : null;
        }

        string? intentSubtype = null;
        string? condition = null;
        byte[] icc = [];
        var components = 0;
        if (catalog.TryGet(NameToken.Create("OutputIntents"), out IToken intentsToken))
        {
            var intent = Resolve<DictionaryToken>(Resolve<ArrayToken>(intentsToken).Data[0]);
            intentSubtype = Resolve<NameToken>(intent.Data["S"]).Data;
            condition = Resolve<StringToken>(intent.Data["OutputConditionIdentifier"]).Data;
            var profile = Resolve<StreamToken>(intent.Data["DestOutputProfile"]);
            icc = Decode(profile);
            components = (int)Resolve<NumericToken>(profile.StreamDictionary.Data["N"]).Int;
        }

        var xmp = document.TryGetXmpMetadata(out var metadata) ? Encoding.UTF8.GetString(metadata.GetXmlBytes().ToArray()) : "";

        var fonts = new Dictionary<string, bool>();
        foreach (var page in document.GetPages())
        {
            var resources = Resolve<DictionaryToken>(page.Dictionary.Data["Resources"]);
            if (!resources.TryGet(NameToken.Create("Font"), out IToken fontsToken))
            {
                continue;
            }

            foreach (var fontToken in Resolve<DictionaryToken>(fontsToken).Data.Values)
            {
                var font = Resolve<DictionaryToken>(fontToken);
                var descriptorOwner = font.TryGet(NameToken.Create("DescendantFonts"), out IToken descendants)
                    ? Resolve<DictionaryToken>(Resolve<ArrayToken>(descendants).Data[0])
                    : font;
                var descriptor = Resolve<DictionaryToken>(descriptorOwner.Data["FontDescriptor"]);
                var embedded = descriptor.Data.ContainsKey("FontFile") || descriptor.Data.ContainsKey("FontFile2") || descriptor.Data.ContainsKey("FontFile3");
                fonts[Resolve<NameToken>(font.Data["BaseFont"]).Data] = embedded;
            }
        }

        var trailer = document.Structure.Trailer;
        return new FacturXReadBack
        {
            Xml = xml,
            EmbeddedFileName = name,
            EmbeddedSubtype = subtype,
            AssociatedFiles = associated,
            OutputIntentSubtype = intentSubtype,
            OutputConditionIdentifier = condition,
            IccProfile = icc,
            IccComponents = components,
            Xmp = xmp,
            HasEncrypt = trailer.EncryptionToken is not null || document.IsEncrypted,
            HasJavaScript = Encoding.Latin1.GetString(pdf).Contains("/JavaScript", StringComparison.Ordinal)
                || catalog.Data.ContainsKey("OpenAction"),
            Fonts = [.. fonts.Select(f => (f.Key, f.Value))],
            Header = Encoding.ASCII.GetString(pdf, 0, 8),
        };
    }
}

using System.Globalization;
using System.Security;
using System.Text;
using PdfSharp.Pdf;
using SubscriptionPortal.Billing.Pdf;

namespace SubscriptionPortal.Billing.EInvoicing;

/// <summary>
/// Turns a drawn document into a Factur-X file, profile EN 16931: a PDF/A-3b whose
/// <c>factur-x.xml</c> is an associated file (<c>/AF</c>, <c>/AFRelationship /Alternative</c>),
/// with an sRGB output intent and XMP metadata naming PDF/A-3B and the Factur-X fields.
/// PDFsharp 6.2 writes these objects but not the links PDF/A-3 wants, and always writes an XMP
/// packet of its own naming no PDF/A part; <see cref="Prepare"/> adds everything at the object
/// level before saving, and <see cref="Finish"/> points the catalog at this class's XMP after.
/// </summary>
internal static class FacturXPdf
{
    public const string FileName = "factur-x.xml";
    public const string ConformanceLevel = "EN 16931";

    private const string FacturXNamespace = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";

    // Found in the saved file to tell this class's XMP object from PDFsharp's (objects are renumbered on save).
    private const string HolderKey = "/FacturXMetadata";

    private static readonly byte[] XmpMarker = Encoding.ASCII.GetBytes("<pdfaid:part>3</pdfaid:part>");

    // The output intent's profile is the same in every document: compressed once per process, not once per render.
    private static readonly Lazy<byte[]> CompressedProfile = new(CompressProfile);

    /// <summary>Adds the XML, the output intent and the XMP to the document; call after drawing, before saving.</summary>
    public static void Prepare(PdfDocument document, BillingDocumentModel model, byte[] xml)
    {
        var catalog = document.Internals.Catalog;
        var issued = PdfDate(model.IssueDate);

        var embedded = AddStream(document, xml, compress: true);
        embedded.Elements.SetName("/Type", "/EmbeddedFile");
        embedded.Elements.SetName("/Subtype", "/text/xml");
        var parameters = new PdfDictionary(document);
        parameters.Elements["/ModDate"] = new PdfString(issued);
        parameters.Elements["/Size"] = new PdfInteger(xml.Length);
        embedded.Elements["/Params"] = parameters;

        var fileSpec = new PdfDictionary(document);
        document.Internals.AddObject(fileSpec);
        fileSpec.Elements.SetName("/Type", "/Filespec");
        fileSpec.Elements["/F"] = new PdfString(FileName);
        fileSpec.Elements["/UF"] = new PdfString(FileName, PdfStringEncoding.Unicode);
        fileSpec.Elements["/Desc"] = new PdfString("Factur-X " + ConformanceLevel);
        fileSpec.Elements.SetName("/AFRelationship", "/Alternative");
        var files = new PdfDictionary(document);
        files.Elements["/F"] = embedded.Reference;
        files.Elements["/UF"] = embedded.Reference;
        fileSpec.Elements["/EF"] = files;

        var names = new PdfArray(document);
        names.Elements.Add(new PdfString(FileName));
        names.Elements.Add(fileSpec.Reference!);
        var embeddedFiles = new PdfDictionary(document);
        embeddedFiles.Elements["/Names"] = names;
        var nameTree = new PdfDictionary(document);
        nameTree.Elements["/EmbeddedFiles"] = embeddedFiles;
        catalog.Elements["/Names"] = nameTree;
        var associated = new PdfArray(document);
        associated.Elements.Add(fileSpec.Reference!);
        catalog.Elements["/AF"] = associated;

        var profile = new PdfDictionary(document);
        profile.CreateStream(CompressedProfile.Value);
        profile.Elements.SetName("/Filter", "/FlateDecode");
        document.Internals.AddObject(profile);
        profile.Elements["/N"] = new PdfInteger(3);
        var intent = new PdfDictionary(document);
        intent.Elements.SetName("/Type", "/OutputIntent");
        intent.Elements.SetName("/S", "/GTS_PDFA1");
        intent.Elements["/OutputConditionIdentifier"] = new PdfString(SrgbIccProfile.Description);
        intent.Elements["/Info"] = new PdfString(SrgbIccProfile.Description);
        intent.Elements["/DestOutputProfile"] = profile.Reference;
        var intents = new PdfArray(document);
        intents.Elements.Add(intent);
        catalog.Elements["/OutputIntents"] = intents;

        // Written uncompressed, as PDF/A recommends, so that any tool can read it.
        var metadata = AddStream(document, Encoding.UTF8.GetBytes(Xmp(document, model)), compress: false);
        metadata.Elements.SetName("/Type", "/Metadata");
        metadata.Elements.SetName("/Subtype", "/XML");

        // PDFsharp drops objects nothing refers to and replaces the catalog's /Metadata while saving:
        // this key (ignored by readers, as any key PDF does not define) keeps the XMP in the file
        // until Finish makes it the catalog's metadata.
        catalog.Elements[HolderKey] = metadata.Reference;
    }

    /// <summary>
    /// Points the saved file's catalog at the XMP <see cref="Prepare"/> added, in place of the one
    /// PDFsharp wrote while saving. The reference is padded with spaces to its former length, so
    /// every cross-reference offset stays valid.
    /// </summary>
    public static void Finish(byte[] pdf)
    {
        var span = pdf.AsSpan();
        var marker = span.IndexOf(XmpMarker);
        var objectKeyword = marker < 0 ? -1 : span[..marker].LastIndexOf(" 0 obj"u8);
        if (objectKeyword < 0)
        {
            throw new InvalidOperationException("The saved PDF lacks the Factur-X XMP object.");
        }

        var numberStart = objectKeyword;
        while (numberStart > 0 && char.IsAsciiDigit((char)span[numberStart - 1]))
        {
            numberStart--;
        }

        var xmpObject = Encoding.ASCII.GetString(span[numberStart..objectKeyword]);
        var catalog = span.IndexOf("/Type/Catalog"u8);
        if (catalog < 0)
        {
            throw new InvalidOperationException("The saved PDF has no catalog.");
        }

        var end = span[catalog..].IndexOf("endobj"u8);
        var key = span.Slice(catalog, end).IndexOf("/Metadata "u8);
        if (key < 0)
        {
            throw new InvalidOperationException("PDFsharp wrote no /Metadata in the catalog.");
        }

        var start = catalog + key + "/Metadata "u8.Length;
        var referenceLength = span[start..].IndexOf(" 0 R"u8);
        var replacement = xmpObject;
        if (replacement.Length > referenceLength)
        {
            throw new InvalidOperationException("The XMP object's number is longer than the one it replaces.");
        }

        replacement = replacement.PadLeft(referenceLength);
        Encoding.ASCII.GetBytes(replacement).CopyTo(span[start..]);
    }

    private static PdfDictionary AddStream(PdfDocument document, byte[] bytes, bool compress)
    {
        var dictionary = new PdfDictionary(document);
        dictionary.CreateStream(bytes);
        if (compress)
        {
            dictionary.Stream.Zip();
        }

        document.Internals.AddObject(dictionary);
        return dictionary;
    }

    private static byte[] CompressProfile()
    {
        // At the documents' own compression level, so the bytes are those a render used to compress itself.
        using var scratch = new PdfDocument();
        scratch.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        var stream = new PdfDictionary(scratch);
        stream.CreateStream(SrgbIccProfile.Bytes);
        stream.Stream.Zip();
        return stream.Stream.Value;
    }

    /// <summary>
    /// The XMP packet: PDF/A-3B identification, the same title, author, subject, creator tool,
    /// producer and dates as the document information dictionary (PDF/A wants them equal), the
    /// Factur-X fields and the extension schema that declares them.
    /// </summary>
    private static string Xmp(PdfDocument document, BillingDocumentModel model)
    {
        var info = document.Info;
        var date = model.IssueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00+00:00";
        return $"""
            <?xpacket begin="{'\uFEFF'}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
             <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
               <pdfaid:part>3</pdfaid:part>
               <pdfaid:conformance>B</pdfaid:conformance>
              </rdf:Description>
              <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
               <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{Escape(info.Title)}</rdf:li></rdf:Alt></dc:title>
               <dc:creator><rdf:Seq><rdf:li>{Escape(info.Author)}</rdf:li></rdf:Seq></dc:creator>
               <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{Escape(info.Subject)}</rdf:li></rdf:Alt></dc:description>
              </rdf:Description>
              <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
               <pdf:Producer>{Escape(Producer)}</pdf:Producer>
              </rdf:Description>
              <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
               <xmp:CreatorTool>{Escape(info.Creator)}</xmp:CreatorTool>
               <xmp:CreateDate>{date}</xmp:CreateDate>
               <xmp:ModifyDate>{date}</xmp:ModifyDate>
              </rdf:Description>
              <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
               <pdfaExtension:schemas>
                <rdf:Bag>
                 <rdf:li rdf:parseType="Resource">
                  <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
                  <pdfaSchema:namespaceURI>{FacturXNamespace}</pdfaSchema:namespaceURI>
                  <pdfaSchema:prefix>fx</pdfaSchema:prefix>
                  <pdfaSchema:property>
                   <rdf:Seq>
            {Property("DocumentFileName", "The name of the embedded XML document")}
            {Property("DocumentType", "The type of the hybrid document in capital letters, e.g. INVOICE or ORDER")}
            {Property("Version", "The actual version of the standard applying to the embedded XML document")}
            {Property("ConformanceLevel", "The conformance level of the embedded XML document")}
                   </rdf:Seq>
                  </pdfaSchema:property>
                 </rdf:li>
                </rdf:Bag>
               </pdfaExtension:schemas>
              </rdf:Description>
              <rdf:Description rdf:about="" xmlns:fx="{FacturXNamespace}">
               <fx:DocumentType>INVOICE</fx:DocumentType>
               <fx:DocumentFileName>{FileName}</fx:DocumentFileName>
               <fx:Version>1.0</fx:Version>
               <fx:ConformanceLevel>{ConformanceLevel}</fx:ConformanceLevel>
              </rdf:Description>
             </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """;
    }

    /// <summary>What PDFsharp writes as the information dictionary's /Producer; the XMP must say the same.</summary>
    private static string Producer => "PDFsharp " + typeof(PdfDocument).Assembly.GetName().Version!.ToString(3);

    private static string Property(string name, string description) => $"""
                    <rdf:li rdf:parseType="Resource">
                     <pdfaProperty:name>{name}</pdfaProperty:name>
                     <pdfaProperty:valueType>Text</pdfaProperty:valueType>
                     <pdfaProperty:category>external</pdfaProperty:category>
                     <pdfaProperty:description>{description}</pdfaProperty:description>
                    </rdf:li>
        """;

    private static string Escape(string? text) => SecurityElement.Escape(text ?? "");

    private static string PdfDate(DateOnly date) => "D:" + date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "000000+00'00'";
}

using System.Security;
using System.Text;
using SubscriptionPortal.Billing.Pdf;

namespace SubscriptionPortal.Billing.EInvoicing;

/// <summary>
/// Makes a document a Factur-X file, profile EN 16931: a PDF/A-3b whose <c>factur-x.xml</c> is an
/// associated file (<c>/AF</c>, <c>/AFRelationship /Alternative</c>), with an sRGB output intent and
/// XMP metadata naming PDF/A-3B and the Factur-X fields.
/// </summary>
internal static class FacturXPdf
{
    public const string FileName = "factur-x.xml";
    public const string ConformanceLevel = "EN 16931";

    private const string FacturXNamespace = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";

    // The output intent's profile is the same in every document: compressed once per process, not once per render.
    private static readonly Lazy<byte[]> CompressedProfile = new(() => PdfFileWriter.Deflate(SrgbIccProfile.Bytes));

    /// <summary>
    /// Writes the XML, the output intent and the XMP, and returns the catalog's entries that point at them.
    /// </summary>
    public static string Write(PdfFileWriter writer, PdfInformation information, byte[] xml)
    {
        var embedded = writer.Reserve();
        var fileSpec = writer.Reserve();
        var profile = writer.Reserve();
        var metadata = writer.Reserve();

        writer.Stream(embedded, $"/Type/EmbeddedFile/Subtype/text#2Fxml/Params<</ModDate({information.PdfDate})/Size {xml.Length}>>", xml, compress: true);
        writer.Dictionary(fileSpec,
            $"/Type/Filespec/F{PdfFileWriter.Text(FileName)}/UF{PdfFileWriter.Text(FileName)}/Desc{PdfFileWriter.Text("Factur-X " + ConformanceLevel)}" +
            $"/AFRelationship/Alternative/EF<</F {embedded} 0 R/UF {embedded} 0 R>>");
        writer.EncodedStream(profile, "/N 3/Filter/FlateDecode", CompressedProfile.Value);

        // Written uncompressed, as PDF/A recommends, so that any tool can read it.
        writer.Stream(metadata, "/Type/Metadata/Subtype/XML", Encoding.UTF8.GetBytes(Xmp(information)), compress: false);

        var condition = PdfFileWriter.Text(SrgbIccProfile.Description);
        return $"/Metadata {metadata} 0 R/Names<</EmbeddedFiles<</Names[{PdfFileWriter.Text(FileName)} {fileSpec} 0 R]>>>>/AF[{fileSpec} 0 R]" +
            $"/OutputIntents[<</Type/OutputIntent/S/GTS_PDFA1/OutputConditionIdentifier{condition}/Info{condition}/DestOutputProfile {profile} 0 R>>]";
    }

    /// <summary>
    /// The XMP packet: PDF/A-3B identification, the same title, author, subject, creator tool,
    /// producer and dates as the document information dictionary (PDF/A wants them equal), the
    /// Factur-X fields and the extension schema that declares them.
    /// </summary>
    private static string Xmp(PdfInformation info)
    {
        var date = info.XmpDate;
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
               <pdf:Producer>{Escape(PdfInformation.Producer)}</pdf:Producer>
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

    private static string Property(string name, string description) => $"""
                    <rdf:li rdf:parseType="Resource">
                     <pdfaProperty:name>{name}</pdfaProperty:name>
                     <pdfaProperty:valueType>Text</pdfaProperty:valueType>
                     <pdfaProperty:category>external</pdfaProperty:category>
                     <pdfaProperty:description>{description}</pdfaProperty:description>
                    </rdf:li>
        """;

    private static string Escape(string? text) => SecurityElement.Escape(text ?? "");
}

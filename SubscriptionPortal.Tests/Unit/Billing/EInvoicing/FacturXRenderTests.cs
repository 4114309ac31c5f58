using System.Xml.Linq;
using SubscriptionPortal.Billing.EInvoicing;
using SubscriptionPortal.Billing.Pdf;
using SubscriptionPortal.Tests.Unit.Billing.Pdf;

namespace SubscriptionPortal.Tests.Unit.Billing.EInvoicing;

/// <summary>The renderer's Factur-X output for the sample documents: valid XML, PDF/A-3 structure.</summary>
public sealed class FacturXRenderTests
{
    private static readonly PdfDocumentRenderer Renderer = new();

    [Fact]
    public void Render_SampleInvoiceAndCreditNote_EmbedXmlThatPassesTheEn16931Rules()
    {
        var documents = new Dictionary<string, byte[]>
        {
            ["invoice"] = FacturXReadBack.Of(Renderer.Render(BillingDocumentSamples.Invoice())).Xml,
            ["annual"] = FacturXReadBack.Of(Renderer.Render(BillingDocumentSamples.AnnualInvoice())).Xml,
            ["credit-note"] = FacturXReadBack.Of(Renderer.Render(BillingDocumentSamples.CreditNote())).Xml,
            ["long"] = FacturXReadBack.Of(Renderer.Render(BillingDocumentSamples.LongInvoice())).Xml,
        };

        var verdicts = CiiValidator.Validate(documents);

        foreach (var (name, verdict) in verdicts)
        {
            Assert.True(verdict.SchemaValid, $"{name}: {verdict.Output}");
            Assert.True(verdict.Fatal == 0, $"{name}: {verdict.Output}");
        }
    }
}

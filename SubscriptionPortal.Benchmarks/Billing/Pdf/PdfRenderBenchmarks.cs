using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SubscriptionPortal.Billing.EInvoicing;
using SubscriptionPortal.Billing.Pdf;

namespace SubscriptionPortal.Benchmarks.Billing.Pdf;

/// <summary>
/// Target: a one-page Factur-X invoice in at most 1.5 ms (median), a file of at most 45 KB and at most
/// 300 KB allocated (the scale goal; met since the documents have their own PDF writer), fonts and logo
/// loaded once per process. One operation renders a one-line invoice to its final bytes (layout, font
/// subsets, compression, reproducible identifiers, and the Factur-X part: the CII XML written and
/// embedded, the sRGB output intent, the PDF/A-3 XMP), with the drawn monogram or with a logo file
/// (a 32 × 32 PNG with transparency). The first render, in setup, loads the fonts and reads the logo file;
/// the allocations per operation show whether either is loaded again.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(SizeConfig))]
public class PdfRenderBenchmarks
{
    private readonly PdfDocumentRenderer renderer = new();
    private BillingDocumentModel invoice = null!;

    [Params(false, true)]
    public bool LogoFile { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        invoice = InvoiceSample.OneLine("F-2026-000123", LogoFile);
        renderer.Render(invoice);
    }

    [Benchmark]
    public byte[] OneLineInvoice() => renderer.Render(invoice);

    /// <summary>The Factur-X XML alone, written from the same model: its share of the render above.</summary>
    [Benchmark]
    public byte[] FacturXXmlAlone() => CiiInvoiceWriter.Write(invoice);

    private sealed class SizeConfig : ManualConfig
    {
        public SizeConfig() => AddColumn(new PdfSizeColumn());
    }
}

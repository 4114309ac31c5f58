using System.Collections.Concurrent;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using SubscriptionPortal.Billing.Pdf;

namespace SubscriptionPortal.Benchmarks.Billing.Pdf;

/// <summary>The size of the rendered sample invoice, beside its timings in the summary table (the 45 KB target).</summary>
internal sealed class PdfSizeColumn : IColumn
{
    private readonly ConcurrentDictionary<bool, int> sizes = new();

    public string Id => nameof(PdfSizeColumn);

    public string ColumnName => "PDF size";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Size;

    public string Legend => "Size of the rendered PDF file (1 KB = 1024 B)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        if (benchmarkCase.Descriptor.WorkloadMethod.Name != nameof(PdfRenderBenchmarks.OneLineInvoice))
        {
            return "-";
        }

        var logoFile = benchmarkCase.Parameters[nameof(PdfRenderBenchmarks.LogoFile)] is true;
        var size = sizes.GetOrAdd(logoFile, withLogo => new PdfDocumentRenderer().Render(InvoiceSample.OneLine("F-2026-000123", withLogo)).Length);
        return $"{size / 1024.0:0.0} KB";
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}

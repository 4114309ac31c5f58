using System.Diagnostics;
using System.Runtime;

namespace SubscriptionPortal.Operations;

/// <summary>
/// <c>/diagnostics/memory</c>: the managed heap after a forced full, compacting collection, the
/// process's memory and the open circuits, for measuring what each connected person costs. Forcing a
/// collection pauses every request, so the endpoint exists only when <c>Diagnostics:Enabled</c> is true
/// (environment variable <c>Diagnostics__Enabled=true</c>); it is off by default in every environment,
/// and like <c>/metrics</c> it answers only the addresses <c>Metrics:AllowedAddresses</c> allows.
/// </summary>
internal static class MemoryDiagnostics
{
    public const string Path = "/diagnostics/memory";

    public static WebApplication MapMemoryDiagnostics(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Diagnostics:Enabled", false))
        {
            return app;
        }

        var access = app.Services.GetRequiredService<MetricsAccess>();
        var circuits = app.Services.GetRequiredService<OpenCircuits>();
        app.MapGet(Path, (HttpContext context) =>
            access.Allows(context.Connection.RemoteIpAddress) ? Results.Json(Measure(circuits)) : Results.NotFound());
        return app;
    }

    private static MemorySnapshot Measure(OpenCircuits circuits)
    {
        // Twice, with the finalizers in between: objects kept alive only by a finalizer go in the second pass.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);

        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        using var process = Process.GetCurrentProcess();
        return new MemorySnapshot(
            HeapBytes: GC.GetTotalMemory(forceFullCollection: false),
            HeapSizeAfterGcBytes: info.HeapSizeBytes,
            FragmentedBytes: info.FragmentedBytes,
            CommittedBytes: info.TotalCommittedBytes,
            WorkingSetBytes: process.WorkingSet64,
            PrivateBytes: process.PrivateMemorySize64,
            OpenCircuits: circuits.Open,
            ConnectedCircuits: circuits.Connected,
            ServerGc: GCSettings.IsServerGC,
            Generations: [.. info.GenerationInfo.ToArray().Select(g => g.SizeAfterBytes)]);
    }
}

namespace SubscriptionPortal.Operations;

/// <summary>What <c>/diagnostics/memory</c> answers; the load tool reads the same record.</summary>
/// <param name="HeapBytes">Bytes of live managed objects after the collection.</param>
/// <param name="HeapSizeAfterGcBytes">The GC's own heap size after that collection (live objects and fragmentation).</param>
/// <param name="Generations">Size of gen 0, 1, 2, the large and the pinned object heaps after the collection.</param>
internal sealed record MemorySnapshot(
    long HeapBytes,
    long HeapSizeAfterGcBytes,
    long FragmentedBytes,
    long CommittedBytes,
    long WorkingSetBytes,
    long PrivateBytes,
    long OpenCircuits,
    long ConnectedCircuits,
    bool ServerGc,
    long[] Generations);

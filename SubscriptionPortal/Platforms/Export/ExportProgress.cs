namespace SubscriptionPortal.Platforms.Export;

/// <summary>How far an export has got: items are contacts and documents, plus the two history and details files.</summary>
public sealed record ExportProgress(int Done, int Total, bool Finished, bool Failed)
{
    public static readonly ExportProgress NotStarted = new(0, 0, false, false);

    /// <summary>0–100, for a progress bar.</summary>
    public double Percent => Total == 0 ? (Finished ? 100 : 0) : Math.Min(100, 100.0 * Done / Total);

    public bool HasStarted => Total > 0 || Finished || Failed;
}

namespace SubscriptionPortal.Components;

/// <summary>How long, and how many, disconnected circuits the server keeps for their browser to come back.</summary>
internal static class CircuitRetention
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    public const int MaxRetained = 500;
}

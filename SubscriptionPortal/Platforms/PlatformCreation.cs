namespace SubscriptionPortal.Platforms;

/// <summary>The outcome of creating a platform: its id when it was created (or had been, by the same request).</summary>
public sealed record PlatformCreation(CommandResult Result, int? PlatformId);

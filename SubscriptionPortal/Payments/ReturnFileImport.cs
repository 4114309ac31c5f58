namespace SubscriptionPortal.Payments;

/// <summary>What importing a bank's return file did.</summary>
public sealed record ReturnFileImport(CommandResult Result, int Collected, int Failed, int Unchanged, IReadOnlyList<string> Problems);

namespace SubscriptionPortal.Payments;

/// <summary>One file sent to the bank. <paramref name="ControlSum"/> is in euros.</summary>
public sealed record DebitFileRow(int Id, string MessageId, string FileName, DateTime CreatedAtUtc, int DebitCount, decimal ControlSum,
    int Awaiting, int Collected, int Failed);

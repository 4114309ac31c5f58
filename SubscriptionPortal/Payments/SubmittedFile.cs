namespace SubscriptionPortal.Payments;

/// <summary>A file the submission job produced.</summary>
/// <param name="ControlSum">Euros: the sum of the debits in the file.</param>
public sealed record SubmittedFile(int FileId, string MessageId, int DebitCount, decimal ControlSum);

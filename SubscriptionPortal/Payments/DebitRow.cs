namespace SubscriptionPortal.Payments;

/// <summary>
/// One debit. <paramref name="Amount"/> is in euros; <paramref name="RetryBlockedReason"/> says why a
/// failed debit cannot be presented again yet (null when it can, or when it is not failed).
/// </summary>
public sealed record DebitRow(
    int Id,
    int PlatformId,
    string PlatformName,
    int InvoiceId,
    string InvoiceNumber,
    decimal Amount,
    DateOnly CollectionDate,
    DirectDebitStatus Status,
    string? SequenceCode,
    string? FileMessageId,
    SepaReturnReason? Reason,
    bool IsRetry,
    bool WasRetried,
    string? RetryBlockedReason)
{
    public bool CanRetry => Status == DirectDebitStatus.Failed && !WasRetried && RetryBlockedReason is null;
}

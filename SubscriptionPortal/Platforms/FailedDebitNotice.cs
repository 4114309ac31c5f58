using SubscriptionPortal.Payments;

namespace SubscriptionPortal.Platforms;

/// <summary>A direct debit the bank refused and that has not been presented again yet. <paramref name="Amount"/> in euros.</summary>
public sealed record FailedDebitNotice(string InvoiceNumber, decimal Amount, SepaReturnReason Reason);

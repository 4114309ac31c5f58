namespace SubscriptionPortal.Payments;

/// <summary>The support console's direct-debit desk: the files sent to the bank and the debits, newest first.</summary>
public sealed record DebitDeskView(IReadOnlyList<DebitFileRow> Files, IReadOnlyList<DebitRow> Debits, int ScheduledCount);

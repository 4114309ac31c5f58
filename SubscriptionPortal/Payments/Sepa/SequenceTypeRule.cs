namespace SubscriptionPortal.Payments.Sepa;

/// <summary>Chooses the sequence type of the next debit under a mandate.</summary>
internal static class SequenceTypeRule
{
    /// <summary>
    /// FRST until a debit under the mandate has gone to the bank, RCUR afterwards. A debit that failed
    /// before collection does not count: the scheme then expects the next attempt to be FRST again.
    /// </summary>
    /// <param name="mandateHasSubmittedOrCollectedDebit">
    /// Whether any earlier debit under this mandate is Submitted or Collected (Scheduled and Failed ones do not count).
    /// </param>
    public static SequenceType ForNextDebit(bool mandateHasSubmittedOrCollectedDebit) =>
        mandateHasSubmittedOrCollectedDebit ? SequenceType.Recurring : SequenceType.First;
}

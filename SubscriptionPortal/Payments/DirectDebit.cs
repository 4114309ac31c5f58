namespace SubscriptionPortal.Payments;

/// <summary>A SEPA direct debit of one invoice's amount due, collected on <see cref="CollectionDate"/>.</summary>
public sealed class DirectDebit
{
    private DirectDebit()
    {
    }

    public DirectDebit(int platformId, int invoiceId, int mandateId, long amountCents, DateOnly collectionDate, DateTime createdAtUtc)
    {
        if (amountCents <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amountCents), "A direct debit is for a positive amount.");
        }

        PlatformId = platformId;
        InvoiceId = invoiceId;
        MandateId = mandateId;
        AmountCents = amountCents;
        CollectionDate = collectionDate;
        CreatedAtUtc = createdAtUtc;
    }

    public int Id { get; private set; }

    public int PlatformId { get; private set; }

    public int InvoiceId { get; private set; }

    public int MandateId { get; private set; }

    /// <summary>Amount to collect, TTC, in cents (always positive).</summary>
    public long AmountCents { get; private set; }

    public DateOnly CollectionDate { get; private set; }

    public DirectDebitStatus Status { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public void MarkSubmitted()
    {
        if (Status != DirectDebitStatus.Scheduled)
        {
            throw new InvalidOperationException($"Only a scheduled debit can be submitted; this one is {Status}.");
        }

        Status = DirectDebitStatus.Submitted;
    }

    public void MarkCollected()
    {
        if (Status != DirectDebitStatus.Submitted)
        {
            throw new InvalidOperationException($"Only a submitted debit can be collected; this one is {Status}.");
        }

        Status = DirectDebitStatus.Collected;
    }
}

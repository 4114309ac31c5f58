namespace SubscriptionPortal.Payments;

/// <summary>
/// A SEPA direct debit of one invoice's amount due, collected on <see cref="CollectionDate"/>.
/// Scheduled → Submitted (in one file, once) → Collected or Failed; a failed debit can be presented
/// again as a new debit (<see cref="Retry"/>), never resubmitted itself.
/// </summary>
public sealed class DirectDebit
{
    /// <summary>The <see cref="SequenceCode"/> of a mandate's first debit.</summary>
    public const string First = "FRST";

    /// <summary>The <see cref="SequenceCode"/> of a later debit under a mandate.</summary>
    public const string Recurring = "RCUR";

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

    /// <summary>The mandate it is collected under; moved to the platform's new mandate if the old one was replaced before submission.</summary>
    public int MandateId { get; private set; }

    /// <summary>Amount to collect, TTC, in cents (always positive).</summary>
    public long AmountCents { get; private set; }

    /// <summary>The planned collection date; once submitted, the date requested in the file.</summary>
    public DateOnly CollectionDate { get; private set; }

    public DirectDebitStatus Status { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>The file that carried it to the bank; null until submitted (and for debits settled before files existed).</summary>
    public int? FileId { get; private set; }

    /// <summary><see cref="First"/> or <see cref="Recurring"/>, decided at submission.</summary>
    public string? SequenceCode { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    /// <summary>When the bank's answer (collected or failed) was recorded.</summary>
    public DateTime? AnsweredAtUtc { get; private set; }

    /// <summary>The ISO 20022 reason code of a failed debit, such as AM04.</summary>
    public string? ReasonCode { get; private set; }

    /// <summary>The failed debit this one presents again.</summary>
    public int? RetryOfDebitId { get; private set; }

    /// <summary>Moves a scheduled debit to the platform's current mandate, when the one it was created under was replaced.</summary>
    public void UseMandate(int mandateId)
    {
        if (Status != DirectDebitStatus.Scheduled)
        {
            throw new InvalidOperationException($"Only a scheduled debit can change mandate; this one is {Status}.");
        }

        MandateId = mandateId;
    }

    /// <summary>Records that the debit left for the bank in <paramref name="fileId"/>. Once only: a debit is never submitted twice.</summary>
    public void MarkSubmitted(int? fileId, string sequenceCode, DateOnly requestedCollectionDate, DateTime atUtc)
    {
        if (Status != DirectDebitStatus.Scheduled)
        {
            throw new InvalidOperationException($"Only a scheduled debit can be submitted; this one is {Status}.");
        }

        if (sequenceCode is not (First or Recurring))
        {
            throw new ArgumentOutOfRangeException(nameof(sequenceCode), sequenceCode, "A sequence type is FRST or RCUR.");
        }

        Status = DirectDebitStatus.Submitted;
        FileId = fileId;
        SequenceCode = sequenceCode;
        CollectionDate = requestedCollectionDate;
        SubmittedAtUtc = atUtc;
    }

    public void MarkCollected(DateTime atUtc)
    {
        if (Status != DirectDebitStatus.Submitted)
        {
            throw new InvalidOperationException($"Only a submitted debit can be collected; this one is {Status}.");
        }

        Status = DirectDebitStatus.Collected;
        AnsweredAtUtc = atUtc;
    }

    public void MarkFailed(string reasonCode, DateTime atUtc)
    {
        if (Status != DirectDebitStatus.Submitted)
        {
            throw new InvalidOperationException($"Only a submitted debit can fail; this one is {Status}.");
        }

        Status = DirectDebitStatus.Failed;
        ReasonCode = reasonCode;
        AnsweredAtUtc = atUtc;
    }

    /// <summary>A new scheduled debit of the same invoice and amount, presenting this failed one again.</summary>
    public DirectDebit Retry(int mandateId, DateOnly collectionDate, DateTime atUtc)
    {
        if (Status != DirectDebitStatus.Failed)
        {
            throw new InvalidOperationException($"Only a failed debit can be presented again; this one is {Status}.");
        }

        return new DirectDebit(PlatformId, InvoiceId, mandateId, AmountCents, collectionDate, atUtc) { RetryOfDebitId = Id };
    }
}

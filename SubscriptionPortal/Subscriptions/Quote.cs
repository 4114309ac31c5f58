using SubscriptionPortal.Common;

namespace SubscriptionPortal.Subscriptions;

/// <summary>
/// A priced change proposal the admin saw. Its id is the change's idempotency key: validating it
/// again returns the documents it already produced.
/// </summary>
public sealed class Quote
{
    private Quote()
    {
    }

    public Quote(Guid id, int platformId, int subscriptionId, int subscriptionVersion, DateOnly localDate,
        string targetOfferCode, int? targetTierMaxContacts, Commitment? targetCommitment,
        long creditIncludingVatCents, long invoiceIncludingVatCents, long dueCents, string createdByUserId, DateTime createdAtUtc, DateTime expiresAtUtc)
    {
        Id = id;
        PlatformId = platformId;
        SubscriptionId = subscriptionId;
        SubscriptionVersion = subscriptionVersion;
        LocalDate = localDate;
        TargetOfferCode = targetOfferCode;
        TargetTierMaxContacts = targetTierMaxContacts;
        TargetCommitment = targetCommitment;
        CreditIncludingVatCents = creditIncludingVatCents;
        InvoiceIncludingVatCents = invoiceIncludingVatCents;
        DueCents = dueCents;
        CreatedByUserId = createdByUserId;
        CreatedAtUtc = createdAtUtc;
        ExpiresAtUtc = expiresAtUtc;
    }

    public Guid Id { get; private set; }

    public int PlatformId { get; private set; }

    public int SubscriptionId { get; private set; }

    /// <summary>The subscription's version when quoted; any change since makes the quote stale.</summary>
    public int SubscriptionVersion { get; private set; }

    /// <summary>The platform's local date the quote was computed for; a new day makes it stale.</summary>
    public DateOnly LocalDate { get; private set; }

    public string TargetOfferCode { get; private set; } = "";

    public int? TargetTierMaxContacts { get; private set; }

    public Commitment? TargetCommitment { get; private set; }

    public long CreditIncludingVatCents { get; private set; }

    public long InvoiceIncludingVatCents { get; private set; }

    public long DueCents { get; private set; }

    public string CreatedByUserId { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime ExpiresAtUtc { get; private set; }

    public DateTime? ValidatedAtUtc { get; private set; }

    public int? InvoiceId { get; private set; }

    public int? CreditNoteId { get; private set; }

    public int? DirectDebitId { get; private set; }

    public void MarkValidated(DateTime atUtc, int? invoiceId, int? creditNoteId, int? directDebitId)
    {
        if (ValidatedAtUtc is not null)
        {
            throw new InvalidOperationException("A quote is validated once.");
        }

        ValidatedAtUtc = atUtc;
        InvoiceId = invoiceId;
        CreditNoteId = creditNoteId;
        DirectDebitId = directDebitId;
    }
}

namespace SubscriptionPortal.Payments.Dunning;

public enum SettlementKind
{
    /// <summary>The association paid by bank transfer; support recorded it.</summary>
    BankTransfer = 0,

    /// <summary>Support gave up the debt: a credit note cancels the unpaid amount.</summary>
    WriteOff = 1,
}

/// <summary>
/// An unpaid invoice settled outside direct debit: a bank transfer received, or the debt written off with a
/// credit note. One per invoice (a unique index): an invoice is settled once.
/// </summary>
public sealed class InvoiceSettlement
{
    private InvoiceSettlement()
    {
    }

    private InvoiceSettlement(int platformId, int invoiceId, SettlementKind kind, long amountCents, DateOnly on, string text,
        int? creditNoteId, string recordedByEmail, DateTime recordedAtUtc)
    {
        if (amountCents <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amountCents), "A settlement is for a positive amount.");
        }

        PlatformId = platformId;
        InvoiceId = invoiceId;
        Kind = kind;
        AmountCents = amountCents;
        On = on;
        Text = text;
        CreditNoteId = creditNoteId;
        RecordedByEmail = recordedByEmail;
        RecordedAtUtc = recordedAtUtc;
    }

    public int Id { get; private set; }

    public int PlatformId { get; private set; }

    public int InvoiceId { get; private set; }

    public SettlementKind Kind { get; private set; }

    /// <summary>Cents TTC: the transfer received, or the amount written off.</summary>
    public long AmountCents { get; private set; }

    /// <summary>The day the transfer was received, or the write-off's date.</summary>
    public DateOnly On { get; private set; }

    /// <summary>The transfer's bank reference, or the reason of the write-off.</summary>
    public string Text { get; private set; } = "";

    /// <summary>The credit note of a write-off.</summary>
    public int? CreditNoteId { get; private set; }

    public string RecordedByEmail { get; private set; } = "";

    public DateTime RecordedAtUtc { get; private set; }

    public static InvoiceSettlement Transfer(int platformId, int invoiceId, long amountCents, DateOnly receivedOn, string reference, string recordedBy, DateTime atUtc) =>
        new(platformId, invoiceId, SettlementKind.BankTransfer, amountCents, receivedOn, reference, null, recordedBy, atUtc);

    public static InvoiceSettlement WriteOff(int platformId, int invoiceId, long amountCents, DateOnly on, string reason, int creditNoteId, string recordedBy, DateTime atUtc) =>
        new(platformId, invoiceId, SettlementKind.WriteOff, amountCents, on, reason, creditNoteId, recordedBy, atUtc);
}

namespace SubscriptionPortal.Billing;

/// <summary>
/// An issued invoice or credit note. Immutable once issued (SPEC §5): every value, the buyer's
/// details as they were, and the PDF bytes with their SHA-256 are written once.
/// </summary>
public sealed class BillingDocument
{
    private BillingDocument()
    {
    }

    public BillingDocument(
        DocumentKind kind,
        string number,
        int platformId,
        int subscriptionId,
        string idempotencyKey,
        DateOnly issueDate,
        DateTime issuedAtUtc,
        DateOnly periodStart,
        DateOnly periodEnd,
        string buyerName,
        string buyerAddress,
        string? buyerSiren,
        long totalExcludingVatCents,
        int vatRateBasisPoints,
        long vatCents,
        long balanceAppliedCents,
        long amountDueCents,
        int? correctsDocumentId,
        string? reason,
        IReadOnlyList<DocumentLine> lines)
    {
        if (totalExcludingVatCents < 0 || vatCents < 0 || amountDueCents < 0 || balanceAppliedCents < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(totalExcludingVatCents), "No document ever has a negative amount.");
        }

        Kind = kind;
        Number = number;
        PlatformId = platformId;
        SubscriptionId = subscriptionId;
        IdempotencyKey = idempotencyKey;
        IssueDate = issueDate;
        IssuedAtUtc = issuedAtUtc;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        BuyerName = buyerName;
        BuyerAddress = buyerAddress;
        BuyerSiren = buyerSiren;
        TotalExcludingVatCents = totalExcludingVatCents;
        VatRateBasisPoints = vatRateBasisPoints;
        VatCents = vatCents;
        BalanceAppliedCents = balanceAppliedCents;
        AmountDueCents = amountDueCents;
        CorrectsDocumentId = correctsDocumentId;
        Reason = reason;
        Lines = [.. lines];
    }

    public int Id { get; private set; }

    public DocumentKind Kind { get; private set; }

    /// <summary><c>F-YYYY-NNNNNN</c> or <c>A-YYYY-NNNNNN</c>, gapless per series and year.</summary>
    public string Number { get; private set; } = "";

    public int PlatformId { get; private set; }

    public int SubscriptionId { get; private set; }

    /// <summary>What issued it (a quote, a renewal of one period); unique, so nothing is issued twice.</summary>
    public string IdempotencyKey { get; private set; } = "";

    public DateOnly IssueDate { get; private set; }

    public DateTime IssuedAtUtc { get; private set; }

    public DateOnly PeriodStart { get; private set; }

    /// <summary>Exclusive end of the service period.</summary>
    public DateOnly PeriodEnd { get; private set; }

    public string BuyerName { get; private set; } = "";

    public string BuyerAddress { get; private set; } = "";

    public string? BuyerSiren { get; private set; }

    public long TotalExcludingVatCents { get; private set; }

    public int VatRateBasisPoints { get; private set; }

    public long VatCents { get; private set; }

    public long TotalIncludingVatCents => TotalExcludingVatCents + VatCents;

    /// <summary>Part of the TTC paid from the platform's account balance (invoices only).</summary>
    public long BalanceAppliedCents { get; private set; }

    /// <summary>What remains to be paid by direct debit (invoices only).</summary>
    public long AmountDueCents { get; private set; }

    /// <summary>The invoice a credit note corrects.</summary>
    public int? CorrectsDocumentId { get; private set; }

    public string? Reason { get; private set; }

    public List<DocumentLine> Lines { get; private set; } = [];

    public byte[] Pdf { get; private set; } = [];

    /// <summary>Lower-case hex SHA-256 of <see cref="Pdf"/>; a download whose bytes don't match is refused.</summary>
    public string PdfSha256 { get; private set; } = "";

    /// <summary>Attaches the PDF produced at issue. Only once: an issued document never changes.</summary>
    public void AttachPdf(byte[] pdf)
    {
        if (Pdf.Length > 0)
        {
            throw new InvalidOperationException("An issued document's PDF is never replaced.");
        }

        Pdf = pdf;
        PdfSha256 = StoredBytes.Sha256(pdf);
    }
}

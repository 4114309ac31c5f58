namespace SubscriptionPortal.Billing;

/// <summary>One line of an issued document. Amounts in cents, excluding VAT; the period end is exclusive.</summary>
public sealed class DocumentLine
{
    private DocumentLine()
    {
    }

    public DocumentLine(int position, string description, DateOnly periodStart, DateOnly periodEnd, int quantity, long unitPriceExcludingVatCents, long totalExcludingVatCents)
    {
        Position = position;
        Description = description;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        Quantity = quantity;
        UnitPriceExcludingVatCents = unitPriceExcludingVatCents;
        TotalExcludingVatCents = totalExcludingVatCents;
    }

    public int Id { get; private set; }

    public int DocumentId { get; private set; }

    public int Position { get; private set; }

    public string Description { get; private set; } = "";

    public DateOnly PeriodStart { get; private set; }

    /// <summary>Exclusive end of the period the line covers.</summary>
    public DateOnly PeriodEnd { get; private set; }

    public int Quantity { get; private set; }

    public long UnitPriceExcludingVatCents { get; private set; }

    public long TotalExcludingVatCents { get; private set; }

    /// <summary>
    /// Names the document the line belongs to, once that document's row has its id (<see cref="DocumentIssuer"/>
    /// inserts the two itself; a save would set it the same way). A line never moves to another document.
    /// </summary>
    internal void BelongTo(int documentId)
    {
        if (DocumentId != 0 && DocumentId != documentId)
        {
            throw new InvalidOperationException("A document line never moves to another document.");
        }

        DocumentId = documentId;
    }
}

namespace SubscriptionPortal.Billing;

/// <summary>
/// The last number taken in one series and year. It is incremented inside the transaction that
/// issues the document, so a rollback gives the number back and numbers never skip (unlike an
/// identity column or a sequence).
/// </summary>
public sealed class DocumentCounter
{
    private DocumentCounter()
    {
    }

    public DocumentCounter(string series, int year)
    {
        Series = series;
        Year = year;
    }

    /// <summary><c>F</c> for invoices, <c>A</c> for credit notes.</summary>
    public string Series { get; private set; } = "";

    public int Year { get; private set; }

    public int LastNumber { get; private set; }
}

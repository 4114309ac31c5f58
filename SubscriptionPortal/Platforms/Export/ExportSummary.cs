namespace SubscriptionPortal.Platforms.Export;

/// <summary>What a platform's data export holds, shown before the download and used to name the file.</summary>
public sealed record ExportSummary(int PlatformId, string PlatformName, int Contacts, int Invoices, int CreditNotes, bool IsClosed, string FileName)
{
    /// <summary>The items the progress bar counts: contacts, documents, the history and the details files.</summary>
    public int TotalItems => Contacts + Invoices + CreditNotes + 2;
}

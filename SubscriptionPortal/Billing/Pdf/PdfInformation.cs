using System.Globalization;

namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// The document information dictionary. PDF/A wants the same values in the XMP metadata, so both are
/// written from this one record.
/// </summary>
internal sealed record PdfInformation(string Title, string Author, string Subject, string Creator, DateOnly Date)
{
    /// <summary>The program that wrote the file, as both the dictionary and the XMP name it.</summary>
    public const string Producer = "SubscriptionPortal";

    /// <summary>The date as PDF writes it: midnight UTC of <see cref="Date"/>.</summary>
    public string PdfDate => "D:" + Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "000000+00'00'";

    /// <summary>The date as XMP writes it.</summary>
    public string XmpDate => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00+00:00";

    public string Dictionary() =>
        $"/Title{PdfFileWriter.Text(Title)}/Author{PdfFileWriter.Text(Author)}/Subject{PdfFileWriter.Text(Subject)}" +
        $"/Creator{PdfFileWriter.Text(Creator)}/Producer{PdfFileWriter.Text(Producer)}/CreationDate({PdfDate})/ModDate({PdfDate})";
}

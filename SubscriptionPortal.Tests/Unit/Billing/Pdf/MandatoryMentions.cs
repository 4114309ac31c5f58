using System.Globalization;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Billing.Pdf;
using SubscriptionPortal.Common;

namespace SubscriptionPortal.Tests.Unit.Billing.Pdf;

/// <summary>
/// What every invoice and credit note must say (French Commercial Code art. L441-9, CGI art. 242 nonies A),
/// looked for in a document's text as PdfPig reads it. Wrapping may split a long value anywhere, so the
/// text and each mention are compared without their whitespace.
/// </summary>
internal static class MandatoryMentions
{
    public static IReadOnlyList<string> Of(BillingDocumentModel model)
    {
        var mentions = new List<string>
        {
            model.Number,
            "ISSUE DATE", PdfFormat.Date(model.IssueDate),
            "SERVICE PERIOD", PdfFormat.Period(model.ServicePeriod),
            "Total excl. VAT (HT)", PdfFormat.Money(model.Totals.ExcludingVat),
            "VAT (TVA)", PdfFormat.Money(model.Totals.Vat),
            "Total incl. VAT (TTC)", PdfFormat.Money(model.Totals.IncludingVat),
            "VAT SUMMARY", "Late-payment penalties", "Fixed indemnity for recovery costs in case of late payment: 40 €",
            model.Seller.Name, $"SIREN {model.Seller.Siren}", $"VAT no. {model.Seller.VatNumber}",
            $"{model.Seller.LegalForm}, share capital {model.Seller.ShareCapital}",
            model.Buyer.Name,
        };
        mentions.AddRange(model.Buyer.AddressLines);
        mentions.AddRange(model.Lines.Select(l => l.Description));
        mentions.AddRange(model.Lines.Select(l => PdfFormat.Money(l.TotalExcludingVat)));
        if (model.Kind == DocumentKind.Invoice)
        {
            mentions.Add("Payment terms");
        }

        if (model.CorrectedInvoice is { } corrected)
        {
            mentions.Add($"Corrects invoice {corrected.InvoiceNumber} dated {PdfFormat.Date(corrected.InvoiceIssueDate)}");
        }

        return mentions;
    }

    /// <summary>The mentions <paramref name="pdf"/> lacks; empty when it says everything.</summary>
    public static IReadOnlyList<string> Missing(PdfReadBack pdf, IEnumerable<string> mentions)
    {
        var text = Squeeze(pdf.AllText);
        return mentions.Where(m => !text.Contains(Squeeze(m), StringComparison.Ordinal)).ToList();
    }

    public static string Money(long cents) =>
        PdfFormat.Money(cents / 100m).Replace('\u00A0', ' ');

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Squeeze(string text) =>
        string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}

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
    /// <summary>
    /// What <paramref name="model"/>'s document must say: the French mentions, and on an English document
    /// the English ones too; amounts as the document's language writes them.
    /// </summary>
    public static IReadOnlyList<string> Of(BillingDocumentModel model)
    {
        var words = DocumentWording.For(model.Language);
        var mentions = new List<string>
        {
            model.Number,
            "DATE D'ÉMISSION", words.Date(model.IssueDate),
            "PÉRIODE", words.Period(model.ServicePeriod),
            "Total HT", words.Money(model.Totals.ExcludingVat),
            "TVA", words.Money(model.Totals.Vat),
            "Total TTC", words.Money(model.Totals.IncludingVat),
            "RÉCAPITULATIF TVA", "Pénalités de retard", "indemnité forfaitaire pour frais de recouvrement de 40 €",
            model.Seller.Name, $"SIREN {model.Seller.Siren}", $"N° TVA", model.Seller.VatNumber,
            $"{model.Seller.LegalForm} au capital de {model.Seller.ShareCapital}",
            model.Buyer.Name,
        };
        mentions.AddRange(model.Buyer.AddressLines);
        mentions.AddRange(model.Lines.Select(l => l.Description));
        mentions.AddRange(model.Lines.Select(l => words.Money(l.TotalExcludingVat)));
        if (model.Kind == DocumentKind.Invoice)
        {
            mentions.Add("Mode de paiement");
        }

        if (model.CorrectedInvoice is { } corrected)
        {
            mentions.Add($"Rectifie la facture {corrected.InvoiceNumber} du {words.Date(corrected.InvoiceIssueDate)}");
        }

        if (words.IsBilingual)
        {
            mentions.AddRange([
                "ISSUE DATE", "SERVICE PERIOD", "Total excl. VAT", "Total incl. VAT", "VAT SUMMARY", "Late-payment penalties",
                "Fixed indemnity for recovery costs in case of late payment: 40 €", "VAT no.",
                $"{model.Seller.LegalForm}, share capital {model.Seller.ShareCapital}",
            ]);
            mentions.Add(model.Kind == DocumentKind.Invoice ? "Payment terms" : $"Corrects invoice {model.CorrectedInvoice!.InvoiceNumber}");
        }

        return mentions;
    }

    /// <summary>The mentions <paramref name="pdf"/> lacks; empty when it says everything.</summary>
    public static IReadOnlyList<string> Missing(PdfReadBack pdf, IEnumerable<string> mentions)
    {
        var text = Squeeze(pdf.AllText);
        return mentions.Where(m => !text.Contains(Squeeze(m), StringComparison.Ordinal)).ToList();
    }

    /// <summary>An amount as a document in <paramref name="language"/> prints it, its no-break spaces as plain ones.</summary>
    public static string Money(long cents, string language = SubscriptionPortal.Billing.BillingLanguage.French) =>
        DocumentWording.For(language).Money(cents / 100m).Replace('\u00A0', ' ');

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Squeeze(string text) =>
        string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}

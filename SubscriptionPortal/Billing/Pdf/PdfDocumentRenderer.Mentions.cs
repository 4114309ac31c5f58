using PdfSharp.Drawing;

namespace SubscriptionPortal.Billing.Pdf;

/// <summary>The mentions France's e-invoicing reform adds to every document, laid out after the payment block.</summary>
internal sealed partial class PdfDocumentRenderer
{
    /// <summary>
    /// The nature of the operation, the service address when it differs from the billing address,
    /// and the VAT-on-debits option when the seller has taken it. Returns the bottom.
    /// </summary>
    private static double ComposeReformMentions(PdfCanvas canvas, PdfStyles styles, BillingDocumentModel model, double top)
    {
        const double labelWidth = 150;
        var rows = new List<(string Label, string Value)> { ("Nature of the operation", DocumentMentions.OperationNature) };
        if (model.Buyer.ServiceAddress is { } service)
        {
            var city = $"{service.PostalCode} {service.City}".Trim();
            var parts = new[] { service.Line, city, service.CountryCode }.Where(p => !string.IsNullOrWhiteSpace(p));
            rows.Add(("Service address", string.Join(", ", parts)));
        }

        if (model.Seller.VatOnDebits)
        {
            rows.Add(("VAT", DocumentMentions.VatOnDebits));
        }

        var labelX = Left + PanelPadding + 3;
        var valueX = labelX + labelWidth;
        var y = top;
        foreach (var (label, value) in rows)
        {
            var labelHeight = canvas.Paragraph(label, styles.Body, styles.MutedBrush, labelX, y, labelWidth - 8);
            var valueHeight = canvas.Paragraph(value, styles.Body, styles.InkBrush, valueX, y, Right - PanelPadding - valueX, XStringAlignment.Near);
            y += Math.Max(labelHeight, valueHeight) + 1.5;
        }

        return y;
    }
}

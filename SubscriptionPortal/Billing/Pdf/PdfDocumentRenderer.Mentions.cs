
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
        var words = Wording(model);
        var rows = new List<(DocumentLabel Label, IReadOnlyList<string> Value)> { (DocumentLabels.OperationNature, words.Lines(DocumentLabels.ServicesValue)) };
        if (model.Buyer.ServiceAddress is { } service)
        {
            var city = $"{service.PostalCode} {service.City}".Trim();
            // An address of several lines is printed on one, its lines separated by commas.
            var parts = (service.Line ?? "").Split('\n').Append(city).Append(service.CountryCode).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim());
            rows.Add((DocumentLabels.ServiceAddress, [string.Join(", ", parts)]));
        }

        if (model.Seller.VatOnDebits)
        {
            rows.Add((DocumentLabels.VatOption, words.Lines(DocumentLabels.VatOnDebitsValue)));
        }

        var labelX = Left + PanelPadding + 3;
        var valueX = labelX + labelWidth;
        var y = top;
        foreach (var (label, value) in rows)
        {
            var labelHeight = Stack(canvas, styles, words.Lines(label), styles.Body, styles.Muted, labelX, y, labelWidth - 8);
            var valueHeight = Stack(canvas, styles, value, styles.Body, styles.Ink, valueX, y, Right - PanelPadding - valueX);
            y += Math.Max(labelHeight, valueHeight) + 1.5;
        }

        return y;
    }
}

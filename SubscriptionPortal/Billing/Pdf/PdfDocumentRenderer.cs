using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using SubscriptionPortal.Billing.EInvoicing;
using SubscriptionPortal.Common;

namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// Lays out an invoice or a credit note on A4 pages. It receives a fully computed
/// <see cref="BillingDocumentModel"/> and only places it: no amount is added, rounded or derived here.
/// The file is a Factur-X PDF/A-3b carrying the same model as <c>factur-x.xml</c> (<see cref="FacturXPdf"/>).
/// Stateless and thread-safe; register it as a singleton.
/// </summary>
internal sealed partial class PdfDocumentRenderer : IDocumentRenderer
{
    private const double ContentWidth = PageWidth - PdfStyles.MarginLeft - PdfStyles.MarginRight;
    private const double Left = PdfStyles.MarginLeft;
    private const double Right = PageWidth - PdfStyles.MarginRight;

    // A4 as PDFsharp sizes it (595 x 842 pt), kept here so layout needs no page to compute widths.
    private const double PageWidth = 595;
    private const double PageHeight = 842;

    private const double CellPadding = 5;
    private const double PanelPadding = 10;
    private const double BlockGap = 16;

    private const string LegalMentions = DocumentMentions.RecoveryIndemnity + " " + DocumentMentions.NoEarlyPaymentDiscount;

    private static readonly Column[] Columns =
    [
        new("Description", 0, XStringAlignment.Near),
        new("Period", 112, XStringAlignment.Near),
        new("Qty", 32, XStringAlignment.Far),
        new("Unit price HT", 72, XStringAlignment.Far),
        new("VAT", 40, XStringAlignment.Far),
        new("Total HT", 74, XStringAlignment.Far),
    ];

    public PdfDocumentRenderer()
    {
        PdfFontSetup.EnsureInitialized();
    }

    /// <summary>Renders the document. The same model always gives the same bytes.</summary>
    /// <exception cref="ArgumentException">The model is incomplete (a bug in the caller, not a user error).</exception>
    public byte[] Render(BillingDocumentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Validate(model);

        using var document = CreateDocument(model);
        var styles = new PdfStyles();
        var pages = new List<XGraphics>();
        try
        {
            var canvas = AddPage(document, pages);
            var measure = new PdfCanvas(canvas.Graphics, draw: false);
            var bodyBottom = PageHeight - PdfStyles.MarginBottom - ComposeFooter(measure, styles, model, 1, 1) - BlockGap;

            var y = ComposeHeader(canvas, styles, model);
            y = ComposeParties(canvas, styles, model, y);

            // Each block that would cross into the footer starts a new page instead: whatever the
            // length of the buyer's details, every mention is printed whole, on the page.
            var detailsHeight = ComposeDocumentDetails(measure, styles, model, 0) - BlockGap;
            (canvas, y) = EnsureRoom(document, pages, styles, model, canvas, y, detailsHeight, bodyBottom);
            y = ComposeDocumentDetails(canvas, styles, model, y);
            y = ComposeLines(document, pages, styles, model, y, bodyBottom, out canvas);

            var totalsHeight = ComposeTotals(measure, styles, model, 0);
            (canvas, y) = EnsureRoom(document, pages, styles, model, canvas, y + BlockGap, totalsHeight, bodyBottom);
            y = ComposeTotals(canvas, styles, model, y);

            var paymentHeight = ComposePayment(measure, styles, model, 0);
            (canvas, y) = EnsureRoom(document, pages, styles, model, canvas, y + BlockGap, paymentHeight, bodyBottom);
            y = ComposePayment(canvas, styles, model, y);

            var mentionsHeight = ComposeReformMentions(measure, styles, model, 0);
            (canvas, y) = EnsureRoom(document, pages, styles, model, canvas, y + BlockGap, mentionsHeight, bodyBottom);
            ComposeReformMentions(canvas, styles, model, y);

            for (var i = 0; i < pages.Count; i++)
            {
                ComposeFooter(new PdfCanvas(pages[i], draw: true), styles, model, i + 1, pages.Count);
            }
        }
        finally
        {
            foreach (var page in pages)
            {
                page.Dispose();
            }
        }

        var seed = $"{model.Kind}:{model.Number}";
        PdfReproducibility.SetDocumentId(document, seed);
        PdfReproducibility.SetFontSubsetTags(document, seed);
        FacturXPdf.Prepare(document, model, CiiInvoiceWriter.Write(model));
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        var bytes = output.ToArray();
        PdfReproducibility.SetXmpIdentifiers(bytes, seed);
        FacturXPdf.Finish(bytes);
        return bytes;
    }

    private static PdfDocument CreateDocument(BillingDocumentModel model)
    {
        var document = new PdfDocument();
        var title = $"{Title(model)} {model.Number}";
        document.Info.Title = title;
        document.Info.Subject = title;
        document.Info.Author = model.Seller.Name;
        document.Info.Creator = model.Seller.Name;

        // The document's dates are its issue date, not the moment it was rendered: an issued
        // document is immutable and re-rendering it must reproduce the stored bytes. UTC so the
        // server's time zone does not leak into the bytes.
        var issued = model.IssueDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        document.Info.CreationDate = issued;
        document.Info.ModificationDate = issued;

        document.Options.CompressContentStreams = true;
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        return document;
    }

    /// <summary>
    /// Where a block of <paramref name="height"/> starts: at <paramref name="top"/> when it fits above the
    /// footer, otherwise at the top of a new page, below the continuation header.
    /// </summary>
    private static (PdfCanvas Canvas, double Top) EnsureRoom(
        PdfDocument document, List<XGraphics> pages, PdfStyles styles, BillingDocumentModel model,
        PdfCanvas canvas, double top, double height, double bodyBottom)
    {
        if (top + height <= bodyBottom)
        {
            return (canvas, top);
        }

        var next = AddPage(document, pages);
        return (next, ComposeContinuationHeader(next, styles, model));
    }

    private static PdfCanvas AddPage(PdfDocument document, List<XGraphics> pages)
    {
        var page = document.AddPage();
        page.Size = PageSize.A4;
        var graphics = XGraphics.FromPdfPage(page);
        pages.Add(graphics);
        return new PdfCanvas(graphics, draw: true);
    }

    /// <summary>First page: the seller's mark and name on the left, the document's title on the right.</summary>
    private static double ComposeHeader(PdfCanvas canvas, PdfStyles styles, BillingDocumentModel model)
    {
        var top = PdfStyles.MarginTop;
        var markWidth = PdfLogo.Draw(canvas, styles, model.Seller, Left, top);
        if (!PdfLogo.HasImage(model.Seller))
        {
            var nameX = Left + markWidth + 10;
            var nameLines = canvas.Wrap(model.Seller.Name, styles.SellerName, 220);
            var nameHeight = nameLines.Count * PdfCanvas.LineHeight(styles.SellerName);
            canvas.Paragraph(model.Seller.Name, styles.SellerName, styles.InkBrush, nameX, top + ((PdfLogo.Height - nameHeight) / 2), 220);
        }

        canvas.Line(Title(model), styles.Title, styles.AccentBrush, Right - 240, top - 2, 240, XStringAlignment.Far);
        canvas.Line(FrenchTitle(model), styles.Subtitle, styles.MutedBrush, Right - 240, top + 24, 240, XStringAlignment.Far);
        return top + PdfLogo.Height + 18;
    }

    /// <summary>Seller identity on the left, the customer in a panel on the right.</summary>
    private static double ComposeParties(PdfCanvas canvas, PdfStyles styles, BillingDocumentModel model, double top)
    {
        const double sellerWidth = 235;
        const double buyerX = Left + 265;
        const double buyerWidth = Right - buyerX;

        var seller = model.Seller;
        var y = top + 4;
        canvas.Line("SELLER", styles.Label, styles.MutedBrush, Left, y, sellerWidth);
        y += PdfCanvas.LineHeight(styles.Label) + 2;
        y += canvas.Paragraph(seller.Name, styles.BodyBold, styles.InkBrush, Left, y, sellerWidth);
        foreach (var line in seller.AddressLines)
        {
            y += canvas.Paragraph(line, styles.Body, styles.InkBrush, Left, y, sellerWidth);
        }

        y += 3;
        y += canvas.Paragraph($"{seller.LegalForm}, share capital {seller.ShareCapital}", styles.Body, styles.MutedBrush, Left, y, sellerWidth);
        y += canvas.Paragraph($"SIREN {seller.Siren}", styles.Body, styles.MutedBrush, Left, y, sellerWidth);
        y += canvas.Paragraph($"VAT no. {seller.VatNumber}", styles.Body, styles.MutedBrush, Left, y, sellerWidth);
        var sellerBottom = y;

        // The buyer panel's height depends on how its text wraps: lay it out once without drawing.
        var buyerHeight = ComposeBuyer(new PdfCanvas(canvas.Graphics, draw: false), styles, model.Buyer, buyerX, top, buyerWidth);
        canvas.FillRectangle(styles.PanelBrush, buyerX, top - PanelPadding + 4, buyerWidth, buyerHeight + (2 * PanelPadding) - 4);
        ComposeBuyer(canvas, styles, model.Buyer, buyerX, top, buyerWidth);

        return Math.Max(sellerBottom, top + buyerHeight + PanelPadding) + BlockGap;
    }

    private static double ComposeBuyer(PdfCanvas canvas, PdfStyles styles, BuyerDetails buyer, double x, double top, double width)
    {
        var innerX = x + PanelPadding;
        var innerWidth = width - (2 * PanelPadding);
        var y = top + 4;
        canvas.Line("BILLED TO", styles.Label, styles.MutedBrush, innerX, y, innerWidth);
        y += PdfCanvas.LineHeight(styles.Label) + 2;
        y += canvas.Paragraph(Fit(buyer.Name, FieldLimits.PlatformName), styles.PartyName, styles.InkBrush, innerX, y, innerWidth);
        foreach (var line in FitLines(buyer.AddressLines))
        {
            y += canvas.Paragraph(line, styles.Body, styles.InkBrush, innerX, y, innerWidth);
        }

        var identifiers = new[]
        {
            buyer.Siren is { Length: > 0 } siren ? $"SIREN {siren}" : null,
            buyer.Rna is { Length: > 0 } rna ? $"RNA {rna}" : null,
            buyer.VatNumber is { Length: > 0 } vat ? $"VAT no. {vat}" : null,
        };
        var first = true;
        foreach (var identifier in identifiers.OfType<string>())
        {
            y += first ? 3 : 0;
            first = false;
            y += canvas.Paragraph(identifier, styles.Body, styles.MutedBrush, innerX, y, innerWidth);
        }

        return y - top;
    }

    /// <summary>
    /// A buyer's value as printed: within its field's limit, as the forms have required since limits exist.
    /// A longer value, saved before then, is cut with an ellipsis so that it cannot push the document's
    /// other mentions off its pages; the stored document row keeps it whole.
    /// </summary>
    private static string Fit(string value, int maxLength)
    {
        value = value.Replace('\n', ' ');
        if (value.Length <= maxLength)
        {
            return value;
        }

        var cut = maxLength - 1;
        if (char.IsHighSurrogate(value[cut - 1]))
        {
            cut--;
        }

        return value[..cut].TrimEnd() + "…";
    }

    /// <summary>The address lines as printed: the street lines, then postal code and city, then country, each fitted.</summary>
    private static IEnumerable<string> FitLines(IReadOnlyList<string> lines)
    {
        const int maxLines = FieldLimits.AddressLines + 2;
        const int maxLength = FieldLimits.AddressLine;
        if (lines.Count <= maxLines)
        {
            return lines.Select(line => Fit(line, maxLength));
        }

        return lines.Take(maxLines - 1).Select(line => Fit(line, maxLength))
            .Append(Fit(string.Join(", ", lines.Skip(maxLines - 1)), maxLength));
    }

    /// <summary>Number, issue date and service period; for a credit note, the invoice it corrects and why.</summary>
    private static double ComposeDocumentDetails(PdfCanvas canvas, PdfStyles styles, BillingDocumentModel model, double top)
    {
        var numberLabel = model.Kind == DocumentKind.Invoice ? "INVOICE NUMBER" : "CREDIT NOTE NUMBER";
        (string Label, string Value)[] cells =
        [
            (numberLabel, model.Number),
            ("ISSUE DATE", PdfFormat.Date(model.IssueDate)),
            ("SERVICE PERIOD", PdfFormat.Period(model.ServicePeriod)),
        ];
        var cellWidths = new[] { 170.0, 130.0, ContentWidth - 300 };

        canvas.HorizontalRule(styles.RulePen, Left, top, ContentWidth);
        var y = top + 7;
        var x = Left;
        for (var i = 0; i < cells.Length; i++)
        {
            canvas.Line(cells[i].Label, styles.Label, styles.MutedBrush, x, y, cellWidths[i]);
            canvas.Line(cells[i].Value, styles.Value, styles.InkBrush, x, y + PdfCanvas.LineHeight(styles.Label) + 2, cellWidths[i]);
            x += cellWidths[i];
        }

        y += PdfCanvas.LineHeight(styles.Label) + 2 + PdfCanvas.LineHeight(styles.Value) + 7;
        canvas.HorizontalRule(styles.RulePen, Left, y, ContentWidth);

        if (model.CorrectedInvoice is { } corrected)
        {
            y += 12;
            var textX = Left + PanelPadding + 3;
            var textWidth = ContentWidth - (2 * PanelPadding) - 3;
            var reference = $"Corrects invoice {corrected.InvoiceNumber} dated {PdfFormat.Date(corrected.InvoiceIssueDate)}";
            var reason = $"Reason: {corrected.Reason}";
            var height = canvas.Wrap(reference, styles.BodyBold, textWidth).Count * PdfCanvas.LineHeight(styles.BodyBold)
                + 2 + (canvas.Wrap(reason, styles.Body, textWidth).Count * PdfCanvas.LineHeight(styles.Body));

            canvas.FillRectangle(styles.PanelBrush, Left, y, ContentWidth, height + (2 * 8));
            canvas.FillRectangle(styles.AccentBrush, Left, y, 3, height + (2 * 8));
            var textY = y + 8;
            textY += canvas.Paragraph(reference, styles.BodyBold, styles.InkBrush, textX, textY, textWidth) + 2;
            canvas.Paragraph(reason, styles.Body, styles.InkBrush, textX, textY, textWidth);
            y += height + (2 * 8);
        }

        return y + BlockGap;
    }

    /// <summary>
    /// The lines table, across as many pages as it needs, with its header repeated on each page.
    /// The last line moves to a new page with the totals when they would not fit after it, so the
    /// totals never stand alone on a page without the table.
    /// </summary>
    private static double ComposeLines(
        PdfDocument document,
        List<XGraphics> pages,
        PdfStyles styles,
        BillingDocumentModel model,
        double top,
        double bodyBottom,
        out PdfCanvas lastCanvas)
    {
        var canvas = new PdfCanvas(pages[^1], draw: true);
        var measure = new PdfCanvas(pages[^1], draw: false);
        var trailerHeight = BlockGap + ComposeTotals(measure, styles, model, 0);
        trailerHeight += BlockGap + ComposePayment(measure, styles, model, 0);
        trailerHeight += BlockGap + ComposeReformMentions(measure, styles, model, 0);

        // The table starts on the next page when its header and first row would not fit on this one.
        var headerHeight = ComposeTableHeader(measure, styles, 0);
        var firstRow = ComposeRow(measure, styles, model.Lines[0], model.Totals.VatRate, 0) + (model.Lines.Count == 1 ? trailerHeight : 0);
        if (top + headerHeight + firstRow > bodyBottom)
        {
            canvas = AddPage(document, pages);
            measure = new PdfCanvas(canvas.Graphics, draw: false);
            top = ComposeContinuationHeader(canvas, styles, model);
        }

        var y = ComposeTableHeader(canvas, styles, top);
        var rowsOnPage = 0;
        for (var i = 0; i < model.Lines.Count; i++)
        {
            var line = model.Lines[i];
            var rowHeight = ComposeRow(measure, styles, line, model.Totals.VatRate, 0);
            var isLast = i == model.Lines.Count - 1;
            var needed = rowHeight + (isLast ? trailerHeight : 0);
            if (y + needed > bodyBottom && rowsOnPage > 0)
            {
                canvas = AddPage(document, pages);
                measure = new PdfCanvas(canvas.Graphics, draw: false);
                y = ComposeContinuationHeader(canvas, styles, model);
                y = ComposeTableHeader(canvas, styles, y);
                rowsOnPage = 0;
            }

            y += ComposeRow(canvas, styles, line, model.Totals.VatRate, y);
            rowsOnPage++;
        }

        lastCanvas = canvas;
        return y;
    }

    private static double ComposeTableHeader(PdfCanvas canvas, PdfStyles styles, double top)
    {
        var height = PdfCanvas.LineHeight(styles.TableHeader) + (2 * CellPadding);
        canvas.FillRectangle(styles.AccentBrush, Left, top, ContentWidth, height);
        var x = Left;
        foreach (var column in Columns)
        {
            var width = ColumnWidth(column);
            canvas.Line(column.Header, styles.TableHeader, styles.WhiteBrush, x + CellPadding, top + CellPadding, width - (2 * CellPadding), column.Alignment);
            x += width;
        }

        return top + height;
    }

    /// <summary>Draws one table row and returns its height.</summary>
    private static double ComposeRow(PdfCanvas canvas, PdfStyles styles, BillingLine line, decimal vatRate, double top)
    {
        string[] cells =
        [
            line.Description,
            PdfFormat.Period(line.Period),
            PdfFormat.Quantity(line.Quantity),
            PdfFormat.Money(line.UnitPriceExcludingVat),
            PdfFormat.Rate(vatRate),
            PdfFormat.Money(line.TotalExcludingVat),
        ];

        var x = Left;
        var contentHeight = 0.0;
        for (var i = 0; i < Columns.Length; i++)
        {
            var width = ColumnWidth(Columns[i]);
            var font = i == Columns.Length - 1 ? styles.BodyBold : styles.TableBody;
            var height = canvas.Paragraph(cells[i], font, styles.InkBrush, x + CellPadding, top + CellPadding + 1, width - (2 * CellPadding), Columns[i].Alignment);
            contentHeight = Math.Max(contentHeight, height);
            x += width;
        }

        var rowHeight = contentHeight + (2 * CellPadding) + 2;
        canvas.HorizontalRule(styles.RulePen, Left, top + rowHeight, ContentWidth);
        return rowHeight;
    }

    /// <summary>VAT by rate on the left, totals HT / TVA / TTC on the right; returns the bottom.</summary>
    private static double ComposeTotals(PdfCanvas canvas, PdfStyles styles, BillingDocumentModel model, double top)
    {
        const double vatWidth = 235;
        double[] vatColumns = [70, 85, 80];
        var labelHeight = PdfCanvas.LineHeight(styles.Label);
        var rowHeight = PdfCanvas.LineHeight(styles.TableBody) + 6;

        var y = top;
        canvas.Line("VAT SUMMARY", styles.Label, styles.MutedBrush, Left, y, vatWidth);
        y += labelHeight + 4;
        string[] vatHeaders = ["Rate", "Base HT", "VAT amount"];
        var x = Left;
        for (var i = 0; i < vatHeaders.Length; i++)
        {
            canvas.Line(vatHeaders[i], styles.TableHeader, styles.MutedBrush, x, y, vatColumns[i] - CellPadding, i == 0 ? XStringAlignment.Near : XStringAlignment.Far);
            x += vatColumns[i];
        }

        y += PdfCanvas.LineHeight(styles.TableHeader) + 3;
        canvas.HorizontalRule(styles.RulePen, Left, y, vatWidth);
        y += 3;
        foreach (var vat in model.VatSummary)
        {
            string[] cells = [PdfFormat.Rate(vat.VatRate), PdfFormat.Money(vat.ExcludingVat), PdfFormat.Money(vat.Vat)];
            x = Left;
            for (var i = 0; i < cells.Length; i++)
            {
                canvas.Line(cells[i], styles.TableBody, styles.InkBrush, x, y, vatColumns[i] - CellPadding, i == 0 ? XStringAlignment.Near : XStringAlignment.Far);
                x += vatColumns[i];
            }

            y += rowHeight;
        }

        var vatBottom = y;

        const double totalsX = Left + 290;
        const double totalsWidth = Right - totalsX;
        var totalsRow = PdfCanvas.LineHeight(styles.Body) + 8;
        y = top;
        (string Label, decimal Amount)[] totals =
        [
            ("Total excl. VAT (HT)", model.Totals.ExcludingVat),
            ("VAT (TVA)", model.Totals.Vat),
        ];
        foreach (var (label, amount) in totals)
        {
            canvas.Line(label, styles.Body, styles.InkBrush, totalsX + PanelPadding, y + 4, totalsWidth / 2);
            canvas.Line(PdfFormat.Money(amount), styles.Body, styles.InkBrush, totalsX, y + 4, totalsWidth - PanelPadding, XStringAlignment.Far);
            y += totalsRow;
            canvas.HorizontalRule(styles.RulePen, totalsX, y, totalsWidth);
        }

        var grandRow = PdfCanvas.LineHeight(styles.Total) + 12;
        y += 4;
        canvas.FillRectangle(styles.AccentBrush, totalsX, y, totalsWidth, grandRow);
        canvas.Line("Total incl. VAT (TTC)", styles.Total, styles.WhiteBrush, totalsX + PanelPadding, y + 6, totalsWidth * 0.6);
        canvas.Line(PdfFormat.Money(model.Totals.IncludingVat), styles.Total, styles.WhiteBrush, totalsX, y + 6, totalsWidth - PanelPadding, XStringAlignment.Far);
        y += grandRow;

        return Math.Max(vatBottom, y);
    }

    /// <summary>
    /// Payment terms: the SEPA direct debit (the invoice is its pre-notification) and/or the part
    /// paid from the account balance; for a credit note, where the credit went. Returns the bottom.
    /// </summary>
    private static double ComposePayment(PdfCanvas canvas, PdfStyles styles, BillingDocumentModel model, double top)
    {
        var rows = PaymentRows(model);
        if (rows.Count == 0)
        {
            return top;
        }

        const double labelWidth = 150;
        var innerX = Left + PanelPadding + 3;
        var valueX = innerX + labelWidth;
        var valueWidth = Right - PanelPadding - valueX;
        var heading = model.Kind == DocumentKind.Invoice ? "PAYMENT" : "SETTLEMENT";

        var measure = new PdfCanvas(canvas.Graphics, draw: false);
        var height = ComposePaymentRows(measure, styles, heading, rows, innerX, valueX, valueWidth, 0);
        canvas.FillRectangle(styles.PanelBrush, Left, top, ContentWidth, height + (2 * PanelPadding));
        canvas.FillRectangle(styles.AccentBrush, Left, top, 3, height + (2 * PanelPadding));
        ComposePaymentRows(canvas, styles, heading, rows, innerX, valueX, valueWidth, top + PanelPadding);
        return top + height + (2 * PanelPadding);
    }

    private static double ComposePaymentRows(
        PdfCanvas canvas,
        PdfStyles styles,
        string heading,
        List<(string Label, string Value, bool Strong)> rows,
        double labelX,
        double valueX,
        double valueWidth,
        double top)
    {
        var y = top;
        canvas.Line(heading, styles.Label, styles.MutedBrush, labelX, y, valueX - labelX);
        y += PdfCanvas.LineHeight(styles.Label) + 3;
        foreach (var (label, value, strong) in rows)
        {
            var font = strong ? styles.BodyBold : styles.Body;
            var labelHeight = canvas.Paragraph(label, styles.Body, styles.MutedBrush, labelX, y, valueX - labelX - 8);
            var valueHeight = canvas.Paragraph(value, font, styles.InkBrush, valueX, y, valueWidth);
            y += Math.Max(labelHeight, valueHeight) + 1.5;
        }

        return y - top;
    }

    private static List<(string Label, string Value, bool Strong)> PaymentRows(BillingDocumentModel model)
    {
        var rows = new List<(string Label, string Value, bool Strong)>();
        if (model.Payment is not { } payment)
        {
            return rows;
        }

        if (payment.AppliedToInvoice is { } imputation)
        {
            rows.Add(("Set against invoice", DocumentMentions.Imputation(imputation), true));
        }

        if (payment.CreditedToAccountBalance > 0)
        {
            rows.Add(("Credited to account balance", DocumentMentions.CreditedToAccount(payment.CreditedToAccountBalance), true));
            rows.Add(("", "The account balance is applied first to the following invoices.", false));
        }

        // An invoice always states its payment terms, even when nothing is left to debit.
        if (payment.DirectDebit is not null)
        {
            rows.Add(("Payment terms", "SEPA direct debit", false));
        }
        else if (model.Kind == DocumentKind.Invoice)
        {
            rows.Add(("Payment terms", "Nothing is debited", false));
        }

        if (payment.SettledByCreditNote is { } settlement)
        {
            rows.Add(("Settled by credit note", $"{PdfFormat.Money(settlement.Amount)} ({settlement.CreditNoteNumber})", true));
        }

        if (payment.PaidFromAccountBalance > 0)
        {
            rows.Add(("Paid from account balance", PdfFormat.Money(payment.PaidFromAccountBalance), true));
        }

        if (payment.DirectDebit is { } debit)
        {
            rows.Add(("Amount debited", PdfFormat.Money(debit.Amount), true));
            rows.Add(("Collection date", PdfFormat.Date(debit.CollectionDate), true));
            rows.Add(("Debited account (IBAN)", debit.MaskedIban, false));
            rows.Add(("Mandate reference", debit.MandateReference, false));
        }

        // Every invoice is a direct debit's pre-notification, or may become one: the ICS is always on it.
        if (model.Kind == DocumentKind.Invoice && model.Seller.SepaCreditorIdentifier is { Length: > 0 } creditorId)
        {
            rows.Add(("Creditor identifier (ICS)", creditorId, false));
        }

        return rows;
    }

    /// <summary>Later pages: who issued what, numbered and dated as on the first page, so a loose page is still identifiable.</summary>
    private static double ComposeContinuationHeader(PdfCanvas canvas, PdfStyles styles, BillingDocumentModel model)
    {
        var top = PdfStyles.MarginTop;
        var half = ContentWidth / 2;
        var sellerHeight = canvas.Paragraph(model.Seller.Name, styles.BodyBold, styles.InkBrush, Left, top, half - 10);
        var detailsHeight = canvas.Paragraph(
            $"{Title(model)} {model.Number} · {PdfFormat.Date(model.IssueDate)} (continued)",
            styles.Body,
            styles.MutedBrush,
            Left + half,
            top,
            half,
            XStringAlignment.Far);
        detailsHeight += canvas.Paragraph(
            $"Service period {PdfFormat.Period(model.ServicePeriod)}",
            styles.Body,
            styles.MutedBrush,
            Left + half,
            top + detailsHeight,
            half,
            XStringAlignment.Far);
        var y = top + Math.Max(sellerHeight, detailsHeight) + 6;
        canvas.HorizontalRule(styles.AccentPen, Left, y, ContentWidth);
        return y + 12;
    }

    /// <summary>Legal mentions and the page number, at the bottom of every page; returns the footer's height.</summary>
    private static double ComposeFooter(PdfCanvas canvas, PdfStyles styles, BillingDocumentModel model, int pageNumber, int pageCount)
    {
        const double pageNumberWidth = 50;
        var seller = model.Seller;
        var textWidth = ContentWidth - pageNumberWidth - 10;
        var text =
            $"{seller.Name} · {seller.LegalForm}, share capital {seller.ShareCapital} · SIREN {seller.Siren} · VAT no. {seller.VatNumber}\n" +
            $"{DocumentMentions.LatePaymentPenalties(seller)} {LegalMentions}";

        var lineHeight = PdfCanvas.LineHeight(styles.Footer);
        var height = canvas.Wrap(text, styles.Footer, textWidth).Count * lineHeight;
        var top = PageHeight - PdfStyles.MarginBottom - height;
        canvas.HorizontalRule(styles.RulePen, Left, top - 6, ContentWidth);
        canvas.Paragraph(text, styles.Footer, styles.MutedBrush, Left, top, textWidth);
        canvas.Line($"{pageNumber}/{pageCount}", styles.PageNumber, styles.MutedBrush, Right - pageNumberWidth, top, pageNumberWidth, XStringAlignment.Far);
        return height + 6;
    }

    private static string Title(BillingDocumentModel model) =>
        model.Kind == DocumentKind.Invoice ? "Invoice" : "Credit note";

    private static string FrenchTitle(BillingDocumentModel model) =>
        model.Kind == DocumentKind.Invoice ? "Facture" : "Avoir";

    private static double ColumnWidth(Column column) =>
        column.Width > 0 ? column.Width : ContentWidth - Columns.Sum(c => c.Width);

    private static void Validate(BillingDocumentModel model)
    {
        if (model.Currency != "EUR")
        {
            throw new ArgumentException($"Only EUR documents can be rendered, not {model.Currency}.", nameof(model));
        }

        if (model.Lines.Count == 0)
        {
            throw new ArgumentException("A billing document needs at least one line.", nameof(model));
        }

        switch (model.Kind)
        {
            case DocumentKind.Invoice when model.Payment is null:
                throw new ArgumentException("An invoice must state its payment terms.", nameof(model));
            case DocumentKind.Invoice when model.CorrectedInvoice is not null:
                throw new ArgumentException("Only a credit note corrects an invoice.", nameof(model));
            case DocumentKind.CreditNote when model.CorrectedInvoice is null:
                throw new ArgumentException("A credit note must name the invoice it corrects.", nameof(model));
        }
    }

    private sealed record Column(string Header, double Width, XStringAlignment Alignment);
}

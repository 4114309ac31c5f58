using System.Globalization;
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

    private const double PageWidth = PdfDocumentBuilder.PageWidth;
    private const double PageHeight = PdfDocumentBuilder.PageHeight;

    // Fonts and colours are immutable: one set serves every render.
    private static readonly PdfStyles Styles = new();

    private const double CellPadding = 5;
    private const double PanelPadding = 10;
    private const double BlockGap = 16;

    private static readonly Column[] Columns =
    [
        new(DocumentLabels.Description, 0, PdfTextAlignment.Near),
        new(DocumentLabels.Period, 112, PdfTextAlignment.Near),
        new(DocumentLabels.Quantity, 50, PdfTextAlignment.Far),
        new(DocumentLabels.UnitPrice, 74, PdfTextAlignment.Far),
        new(DocumentLabels.VatRate, 36, PdfTextAlignment.Far),
        new(DocumentLabels.LineTotal, 72, PdfTextAlignment.Far),
    ];

    /// <summary>Renders the document. The same model always gives the same bytes.</summary>
    /// <exception cref="ArgumentException">The model is incomplete (a bug in the caller, not a user error).</exception>
    public byte[] Render(BillingDocumentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Validate(model);

        using var document = new PdfDocumentBuilder();
        if (PdfLogo.HasImage(model.Seller))
        {
            document.Image = PdfLogo.Image(model.Seller);
        }

        var styles = Styles;
        var canvas = AddPage(document);
        var measure = new PdfCanvas(canvas.Page, draw: false);
        var bodyBottom = PageHeight - PdfStyles.MarginBottom - ComposeFooter(measure, styles, model, 1, 1) - BlockGap;

        var y = ComposeHeader(canvas, styles, model);
        y = ComposeParties(canvas, styles, model, y);

        // Each block that would cross into the footer starts a new page instead: whatever the
        // length of the buyer's details, every mention is printed whole, on the page.
        var detailsHeight = ComposeDocumentDetails(measure, styles, model, 0) - BlockGap;
        (canvas, y) = EnsureRoom(document, styles, model, canvas, y, detailsHeight, bodyBottom);
        y = ComposeDocumentDetails(canvas, styles, model, y);
        y = ComposeLines(document, canvas, styles, model, y, bodyBottom, out canvas);

        var totalsHeight = ComposeTotals(measure, styles, model, 0);
        (canvas, y) = EnsureRoom(document, styles, model, canvas, y + BlockGap, totalsHeight, bodyBottom);
        y = ComposeTotals(canvas, styles, model, y);

        var paymentHeight = ComposePayment(measure, styles, model, 0);
        (canvas, y) = EnsureRoom(document, styles, model, canvas, y + BlockGap, paymentHeight, bodyBottom);
        y = ComposePayment(canvas, styles, model, y);

        var mentionsHeight = ComposeReformMentions(measure, styles, model, 0);
        (canvas, y) = EnsureRoom(document, styles, model, canvas, y + BlockGap, mentionsHeight, bodyBottom);
        ComposeReformMentions(canvas, styles, model, y);

        var pages = document.Pages;
        for (var i = 0; i < pages.Count; i++)
        {
            ComposeFooter(new PdfCanvas(pages[i], draw: true), styles, model, i + 1, pages.Count);
        }

        // The document's dates are its issue date, not the moment it was rendered: an issued document
        // is immutable and re-rendering it must reproduce the stored bytes.
        var title = $"{Wording(model).Inline(TitleLabel(model))} {model.Number}";
        var information = new PdfInformation(title, model.Seller.Name, title, model.Seller.Name, model.IssueDate);
        var xml = CiiInvoiceWriter.Write(model);
        return document.Save($"{model.Kind}:{model.Number}", information, writer => FacturXPdf.Write(writer, information, xml));
    }

    /// <summary>
    /// Where a block of <paramref name="height"/> starts: at <paramref name="top"/> when it fits above the
    /// footer, otherwise at the top of a new page, below the continuation header.
    /// </summary>
    private static (PdfCanvas Canvas, double Top) EnsureRoom(
        PdfDocumentBuilder document, PdfStyles styles, BillingDocumentModel model,
        PdfCanvas canvas, double top, double height, double bodyBottom)
    {
        if (top + height <= bodyBottom)
        {
            return (canvas, top);
        }

        var next = AddPage(document);
        return (next, ComposeContinuationHeader(next, styles, model));
    }

    private static PdfCanvas AddPage(PdfDocumentBuilder document) => new(document.AddPage(), draw: true);

    /// <summary>First page: the seller's mark and name on the left, the document's title on the right.</summary>
    private static double ComposeHeader(PdfCanvas canvas, PdfStyles styles, BillingDocumentModel model)
    {
        var top = PdfStyles.MarginTop;
        var markWidth = PdfLogo.Draw(canvas, styles, model.Seller, Left, top);
        if (!PdfLogo.HasImage(model.Seller))
        {
            var nameX = Left + markWidth + 10;
            var nameLines = PdfCanvas.Wrap(model.Seller.Name, styles.SellerName, 220);
            var nameHeight = nameLines.Count * PdfCanvas.LineHeight(styles.SellerName);
            canvas.Paragraph(model.Seller.Name, styles.SellerName, styles.Ink, nameX, top + ((PdfLogo.Height - nameHeight) / 2), 220);
        }

        // The French title; an English document gives its English name beneath, in grey.
        var title = Wording(model).Lines(TitleLabel(model));
        canvas.Line(title[0], styles.Title, styles.Accent, Right - 240, top - 2, 240, PdfTextAlignment.Far);
        if (title.Count > 1)
        {
            canvas.Line(title[1], styles.Subtitle, styles.Muted, Right - 240, top + 24, 240, PdfTextAlignment.Far);
        }

        return top + PdfLogo.Height + 18;
    }

    /// <summary>Seller identity on the left, the customer in a panel on the right.</summary>
    private static double ComposeParties(PdfCanvas canvas, PdfStyles styles, BillingDocumentModel model, double top)
    {
        const double sellerWidth = 235;
        const double buyerX = Left + 265;
        const double buyerWidth = Right - buyerX;

        var seller = model.Seller;
        var words = Wording(model);
        var y = top + 4;
        canvas.Line(words.Inline(DocumentLabels.Seller), styles.Label, styles.Muted, Left, y, sellerWidth);
        y += PdfCanvas.LineHeight(styles.Label) + 2;
        y += canvas.Paragraph(seller.Name, styles.BodyBold, styles.Ink, Left, y, sellerWidth);
        foreach (var line in seller.AddressLines)
        {
            y += canvas.Paragraph(line, styles.Body, styles.Ink, Left, y, sellerWidth);
        }

        y += 3;
        y += canvas.Paragraph(DocumentWording.FrenchOf(DocumentLabels.ShareCapital, seller.LegalForm, seller.ShareCapital), styles.Body, styles.Muted, Left, y, sellerWidth);
        y += canvas.Paragraph($"SIREN {seller.Siren}", styles.Body, styles.Muted, Left, y, sellerWidth);
        y += canvas.Paragraph($"{words.Inline(DocumentLabels.VatNumber)} {seller.VatNumber}", styles.Body, styles.Muted, Left, y, sellerWidth);
        var sellerBottom = y;

        // The buyer panel's height depends on how its text wraps: lay it out once without drawing.
        var buyerHeight = ComposeBuyer(new PdfCanvas(canvas.Page, draw: false), styles, words, model.Buyer, buyerX, top, buyerWidth);
        canvas.FillRectangle(styles.Panel, buyerX, top - PanelPadding + 4, buyerWidth, buyerHeight + (2 * PanelPadding) - 4);
        ComposeBuyer(canvas, styles, words, model.Buyer, buyerX, top, buyerWidth);

        return Math.Max(sellerBottom, top + buyerHeight + PanelPadding) + BlockGap;
    }

    private static double ComposeBuyer(PdfCanvas canvas, PdfStyles styles, DocumentWording words, BuyerDetails buyer, double x, double top, double width)
    {
        var innerX = x + PanelPadding;
        var innerWidth = width - (2 * PanelPadding);
        var y = top + 4;
        canvas.Line(words.Inline(DocumentLabels.Buyer), styles.Label, styles.Muted, innerX, y, innerWidth);
        y += PdfCanvas.LineHeight(styles.Label) + 2;
        y += canvas.Paragraph(Fit(buyer.Name, FieldLimits.PlatformName), styles.PartyName, styles.Ink, innerX, y, innerWidth);
        foreach (var line in FitLines(buyer.AddressLines))
        {
            y += canvas.Paragraph(line, styles.Body, styles.Ink, innerX, y, innerWidth);
        }

        var identifiers = new[]
        {
            buyer.Siren is { Length: > 0 } siren ? $"SIREN {siren}" : null,
            buyer.Rna is { Length: > 0 } rna ? $"RNA {rna}" : null,
            buyer.VatNumber is { Length: > 0 } vat ? $"{words.Inline(DocumentLabels.VatNumber)} {vat}" : null,
        };
        var first = true;
        foreach (var identifier in identifiers.OfType<string>())
        {
            y += first ? 3 : 0;
            first = false;
            y += canvas.Paragraph(identifier, styles.Body, styles.Muted, innerX, y, innerWidth);
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
        var words = Wording(model);
        var numberLabel = model.Kind == DocumentKind.Invoice ? DocumentLabels.InvoiceNumber : DocumentLabels.CreditNoteNumber;
        (DocumentLabel Label, string Value)[] cells =
        [
            (numberLabel, model.Number),
            (DocumentLabels.IssueDate, words.Date(model.IssueDate)),
            (DocumentLabels.ServicePeriod, words.Period(model.ServicePeriod)),
        ];
        var cellWidths = new[] { 170.0, 130.0, ContentWidth - 300 };

        canvas.HorizontalRule(styles.RulePen, Left, top, ContentWidth);
        var y = top + 7;
        var x = Left;
        var labelHeight = 0.0;
        for (var i = 0; i < cells.Length; i++)
        {
            var measure = new PdfCanvas(canvas.Page, draw: false);
            labelHeight = Math.Max(labelHeight, Stack(measure, styles, words.Lines(cells[i].Label), styles.Label, styles.Muted, x, y, cellWidths[i] - 6));
        }

        for (var i = 0; i < cells.Length; i++)
        {
            Stack(canvas, styles, words.Lines(cells[i].Label), styles.Label, styles.Muted, x, y, cellWidths[i] - 6);
            canvas.Line(cells[i].Value, styles.Value, styles.Ink, x, y + labelHeight + 2, cellWidths[i]);
            x += cellWidths[i];
        }

        y += labelHeight + 2 + PdfCanvas.LineHeight(styles.Value) + 7;
        canvas.HorizontalRule(styles.RulePen, Left, y, ContentWidth);

        if (model.CorrectedInvoice is { } corrected)
        {
            y += 12;
            var textX = Left + PanelPadding + 3;
            var textWidth = ContentWidth - (2 * PanelPadding) - 3;
            var reference = words.Lines(DocumentLabels.CorrectsInvoice, corrected.InvoiceNumber, words.Date(corrected.InvoiceIssueDate));
            var reason = words.Field(DocumentLabels.Reason, corrected.Reason);
            var measure = new PdfCanvas(canvas.Page, draw: false);
            var height = Stack(measure, styles, reference, styles.BodyBold, styles.Ink, textX, 0, textWidth)
                + 2 + measure.Paragraph(reason, styles.Body, styles.Ink, textX, 0, textWidth);

            canvas.FillRectangle(styles.Panel, Left, y, ContentWidth, height + (2 * 8));
            canvas.FillRectangle(styles.Accent, Left, y, 3, height + (2 * 8));
            var textY = y + 8;
            textY += Stack(canvas, styles, reference, styles.BodyBold, styles.Ink, textX, textY, textWidth) + 2;
            canvas.Paragraph(reason, styles.Body, styles.Ink, textX, textY, textWidth);
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
        PdfDocumentBuilder document,
        PdfCanvas canvas,
        PdfStyles styles,
        BillingDocumentModel model,
        double top,
        double bodyBottom,
        out PdfCanvas lastCanvas)
    {
        var measure = new PdfCanvas(canvas.Page, draw: false);
        var trailerHeight = BlockGap + ComposeTotals(measure, styles, model, 0);
        trailerHeight += BlockGap + ComposePayment(measure, styles, model, 0);
        trailerHeight += BlockGap + ComposeReformMentions(measure, styles, model, 0);

        // The table starts on the next page when its header and first row would not fit on this one.
        var words = Wording(model);
        var headerHeight = ComposeTableHeader(measure, styles, words, 0);
        var firstRow = ComposeRow(measure, styles, words, model.Lines[0], model.Totals.VatRate, 0) + (model.Lines.Count == 1 ? trailerHeight : 0);
        if (top + headerHeight + firstRow > bodyBottom)
        {
            canvas = AddPage(document);
            measure = new PdfCanvas(canvas.Page, draw: false);
            top = ComposeContinuationHeader(canvas, styles, model);
        }

        var y = ComposeTableHeader(canvas, styles, words, top);
        var rowsOnPage = 0;
        for (var i = 0; i < model.Lines.Count; i++)
        {
            var line = model.Lines[i];
            var rowHeight = ComposeRow(measure, styles, words, line, model.Totals.VatRate, 0);
            var isLast = i == model.Lines.Count - 1;
            var needed = rowHeight + (isLast ? trailerHeight : 0);
            if (y + needed > bodyBottom && rowsOnPage > 0)
            {
                canvas = AddPage(document);
                measure = new PdfCanvas(canvas.Page, draw: false);
                y = ComposeContinuationHeader(canvas, styles, model);
                y = ComposeTableHeader(canvas, styles, words, y);
                rowsOnPage = 0;
            }

            y += ComposeRow(canvas, styles, words, line, model.Totals.VatRate, y);
            rowsOnPage++;
        }

        lastCanvas = canvas;
        return y;
    }

    private static double ComposeTableHeader(PdfCanvas canvas, PdfStyles styles, DocumentWording words, double top)
    {
        // The tallest header sets the row: a longer French or bilingual label wraps within its column.
        var measure = new PdfCanvas(canvas.Page, draw: false);
        var textHeight = Columns.Max(column => Stack(measure, styles, words.Lines(column.Header), styles.TableHeader, styles.White,
            0, 0, ColumnWidth(column) - (2 * CellPadding), column.Alignment, styles.White));
        var height = textHeight + (2 * CellPadding);
        canvas.FillRectangle(styles.Accent, Left, top, ContentWidth, height);
        var x = Left;
        foreach (var column in Columns)
        {
            var width = ColumnWidth(column);
            Stack(canvas, styles, words.Lines(column.Header), styles.TableHeader, styles.White,
                x + CellPadding, top + CellPadding, width - (2 * CellPadding), column.Alignment, styles.White);
            x += width;
        }

        return top + height;
    }

    /// <summary>Draws one table row and returns its height.</summary>
    private static double ComposeRow(PdfCanvas canvas, PdfStyles styles, DocumentWording words, BillingLine line, decimal vatRate, double top)
    {
        string[] cells =
        [
            line.Description,
            words.Period(line.Period),
            words.Quantity(line.Quantity),
            words.Money(line.UnitPriceExcludingVat),
            words.Rate(vatRate),
            words.Money(line.TotalExcludingVat),
        ];

        var x = Left;
        var contentHeight = 0.0;
        for (var i = 0; i < Columns.Length; i++)
        {
            var width = ColumnWidth(Columns[i]);
            var font = i == Columns.Length - 1 ? styles.BodyBold : styles.TableBody;
            var height = canvas.Paragraph(cells[i], font, styles.Ink, x + CellPadding, top + CellPadding + 1, width - (2 * CellPadding), Columns[i].Alignment);
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

        var words = Wording(model);
        var measure = new PdfCanvas(canvas.Page, draw: false);
        var y = top;
        canvas.Line(words.Inline(DocumentLabels.VatSummary), styles.Label, styles.Muted, Left, y, vatWidth);
        y += labelHeight + 4;
        DocumentLabel[] vatHeaders = [DocumentLabels.Rate, DocumentLabels.VatBase, DocumentLabels.VatAmount];
        var x = Left;
        var headerHeight = 0.0;
        for (var i = 0; i < vatHeaders.Length; i++)
        {
            var alignment = i == 0 ? PdfTextAlignment.Near : PdfTextAlignment.Far;
            headerHeight = Math.Max(headerHeight, Stack(measure, styles, words.Lines(vatHeaders[i]), styles.TableHeader, styles.Muted, x, y, vatColumns[i] - CellPadding, alignment));
            Stack(canvas, styles, words.Lines(vatHeaders[i]), styles.TableHeader, styles.Muted, x, y, vatColumns[i] - CellPadding, alignment);
            x += vatColumns[i];
        }

        y += headerHeight + 3;
        canvas.HorizontalRule(styles.RulePen, Left, y, vatWidth);
        y += 3;
        foreach (var vat in model.VatSummary)
        {
            string[] cells = [words.Rate(vat.VatRate), words.Money(vat.ExcludingVat), words.Money(vat.Vat)];
            x = Left;
            for (var i = 0; i < cells.Length; i++)
            {
                canvas.Line(cells[i], styles.TableBody, styles.Ink, x, y, vatColumns[i] - CellPadding, i == 0 ? PdfTextAlignment.Near : PdfTextAlignment.Far);
                x += vatColumns[i];
            }

            y += rowHeight;
        }

        var vatBottom = y;

        const double totalsX = Left + 290;
        const double totalsWidth = Right - totalsX;
        y = top;
        (DocumentLabel Label, decimal Amount)[] totals =
        [
            (DocumentLabels.TotalExcludingVat, model.Totals.ExcludingVat),
            (DocumentLabels.TotalVat, model.Totals.Vat),
        ];
        foreach (var (label, amount) in totals)
        {
            var height = Stack(canvas, styles, words.Lines(label), styles.Body, styles.Ink, totalsX + PanelPadding, y + 4, totalsWidth / 2);
            canvas.Line(words.Money(amount), styles.Body, styles.Ink, totalsX, y + 4, totalsWidth - PanelPadding, PdfTextAlignment.Far);
            y += height + 8;
            canvas.HorizontalRule(styles.RulePen, totalsX, y, totalsWidth);
        }

        var grandLabel = words.Lines(DocumentLabels.TotalIncludingVat);
        var grandRow = Stack(measure, styles, grandLabel, styles.Total, styles.White, 0, 0, totalsWidth * 0.6, PdfTextAlignment.Near, styles.White) + 12;
        y += 4;
        canvas.FillRectangle(styles.Accent, totalsX, y, totalsWidth, grandRow);
        Stack(canvas, styles, grandLabel, styles.Total, styles.White, totalsX + PanelPadding, y + 6, totalsWidth * 0.6, PdfTextAlignment.Near, styles.White);
        canvas.Line(words.Money(model.Totals.IncludingVat), styles.Total, styles.White, totalsX, y + 6, totalsWidth - PanelPadding, PdfTextAlignment.Far);
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
        var heading = Wording(model).Inline(model.Kind == DocumentKind.Invoice ? DocumentLabels.Payment : DocumentLabels.Settlement);

        var measure = new PdfCanvas(canvas.Page, draw: false);
        var height = ComposePaymentRows(measure, styles, heading, rows, innerX, valueX, valueWidth, 0);
        canvas.FillRectangle(styles.Panel, Left, top, ContentWidth, height + (2 * PanelPadding));
        canvas.FillRectangle(styles.Accent, Left, top, 3, height + (2 * PanelPadding));
        ComposePaymentRows(canvas, styles, heading, rows, innerX, valueX, valueWidth, top + PanelPadding);
        return top + height + (2 * PanelPadding);
    }

    private static double ComposePaymentRows(
        PdfCanvas canvas,
        PdfStyles styles,
        string heading,
        List<PaymentRow> rows,
        double labelX,
        double valueX,
        double valueWidth,
        double top)
    {
        var y = top;
        canvas.Line(heading, styles.Label, styles.Muted, labelX, y, valueX - labelX);
        y += PdfCanvas.LineHeight(styles.Label) + 3;
        foreach (var (label, value, strong) in rows)
        {
            var font = strong ? styles.BodyBold : styles.Body;
            var labelHeight = Stack(canvas, styles, label, styles.Body, styles.Muted, labelX, y, valueX - labelX - 8);
            var valueHeight = Stack(canvas, styles, value, font, styles.Ink, valueX, y, valueWidth);
            y += Math.Max(labelHeight, valueHeight) + 1.5;
        }

        return y - top;
    }

    private static List<PaymentRow> PaymentRows(BillingDocumentModel model)
    {
        var words = Wording(model);
        var rows = new List<PaymentRow>();
        if (model.Payment is not { } payment)
        {
            return rows;
        }

        void Add(DocumentLabel label, IReadOnlyList<string> value, bool strong) => rows.Add(new PaymentRow(words.Lines(label), value, strong));

        if (payment.AppliedToInvoice is { } imputation)
        {
            Add(DocumentLabels.SetAgainstInvoice,
                words.Lines(DocumentLabels.Imputation, imputation.InvoiceNumber, words.Date(imputation.InvoiceIssueDate), words.Money(imputation.Amount)), true);
        }

        if (payment.CreditedToAccountBalance > 0)
        {
            Add(DocumentLabels.CreditedToAccount, words.Lines(DocumentLabels.CreditedToAccountValue, words.Money(payment.CreditedToAccountBalance)), true);
            rows.Add(new PaymentRow([], words.Lines(DocumentLabels.BalanceAppliedFirst), false));
        }

        // An invoice always states its payment terms, even when nothing is left to debit.
        if (payment.DirectDebit is not null)
        {
            Add(DocumentLabels.PaymentTerms, words.Lines(DocumentLabels.SepaDirectDebit), false);
        }
        else if (model.Kind == DocumentKind.Invoice)
        {
            Add(DocumentLabels.PaymentTerms, words.Lines(DocumentLabels.NothingDebited), false);
        }

        if (payment.SettledByCreditNote is { } settlement)
        {
            Add(DocumentLabels.SettledByCreditNote, [$"{words.Money(settlement.Amount)} ({settlement.CreditNoteNumber})"], true);
        }

        if (payment.PaidFromAccountBalance > 0)
        {
            Add(DocumentLabels.PaidFromBalance, [words.Money(payment.PaidFromAccountBalance)], true);
        }

        if (payment.DirectDebit is { } debit)
        {
            Add(DocumentLabels.AmountDebited, [words.Money(debit.Amount)], true);
            Add(DocumentLabels.CollectionDate, [words.Date(debit.CollectionDate)], true);
            Add(DocumentLabels.DebitedAccount, [debit.MaskedIban], false);
            Add(DocumentLabels.MandateReference, [debit.MandateReference], false);
        }

        // Every invoice is a direct debit's pre-notification, or may become one: the ICS is always on it.
        if (model.Kind == DocumentKind.Invoice && model.Seller.SepaCreditorIdentifier is { Length: > 0 } creditorId)
        {
            Add(DocumentLabels.CreditorIdentifier, [creditorId], false);
        }

        return rows;
    }

    /// <summary>Later pages: who issued what, numbered and dated as on the first page, so a loose page is still identifiable.</summary>
    private static double ComposeContinuationHeader(PdfCanvas canvas, PdfStyles styles, BillingDocumentModel model)
    {
        var top = PdfStyles.MarginTop;
        var half = ContentWidth / 2;
        var words = Wording(model);
        var sellerHeight = canvas.Paragraph(model.Seller.Name, styles.BodyBold, styles.Ink, Left, top, half - 10);
        var detailsHeight = Stack(canvas, styles, words.LinesAbout(DocumentLabels.Continued, TitleLabel(model), model.Number, words.Date(model.IssueDate)),
            styles.Body, styles.Muted, Left + half, top, half, PdfTextAlignment.Far);
        detailsHeight += Stack(canvas, styles, words.Lines(DocumentLabels.ContinuedPeriod, words.Period(model.ServicePeriod)),
            styles.Body, styles.Muted, Left + half, top + detailsHeight, half, PdfTextAlignment.Far);
        var y = top + Math.Max(sellerHeight, detailsHeight) + 6;
        canvas.HorizontalRule(styles.AccentPen, Left, y, ContentWidth);
        return y + 12;
    }

    /// <summary>Legal mentions and the page number, at the bottom of every page; returns the footer's height.</summary>
    private static double ComposeFooter(PdfCanvas canvas, PdfStyles styles, BillingDocumentModel model, int pageNumber, int pageCount)
    {
        const double pageNumberWidth = 50;
        var seller = model.Seller;
        var words = Wording(model);
        var textWidth = ContentWidth - pageNumberWidth - 10;
        var text =
            $"{seller.Name} · {DocumentWording.FrenchOf(DocumentLabels.ShareCapital, seller.LegalForm, seller.ShareCapital)} · SIREN {seller.Siren} · " +
            $"{words.Inline(DocumentLabels.VatNumber)} {seller.VatNumber}\n" +
            $"{DocumentMentions.LatePaymentPenaltiesFrench(seller)} {DocumentLabels.RecoveryIndemnity.French} {DocumentLabels.NoEarlyPaymentDiscount.French}";
        if (words.IsBilingual)
        {
            text += $"\n{string.Format(CultureInfo.InvariantCulture, DocumentLabels.ShareCapital.English, seller.LegalForm, seller.ShareCapital)}. " +
                $"{DocumentMentions.LatePaymentPenalties(seller)} {DocumentLabels.RecoveryIndemnity.English} {DocumentLabels.NoEarlyPaymentDiscount.English}";
        }

        var lineHeight = PdfCanvas.LineHeight(styles.Footer);
        var height = PdfCanvas.Wrap(text, styles.Footer, textWidth).Count * lineHeight;
        var top = PageHeight - PdfStyles.MarginBottom - height;
        canvas.HorizontalRule(styles.RulePen, Left, top - 6, ContentWidth);
        canvas.Paragraph(text, styles.Footer, styles.Muted, Left, top, textWidth);
        canvas.Line($"{pageNumber}/{pageCount}", styles.PageNumber, styles.Muted, Right - pageNumberWidth, top, pageNumberWidth, PdfTextAlignment.Far);
        return height + 6;
    }

    private static DocumentLabel TitleLabel(BillingDocumentModel model) =>
        model.Kind == DocumentKind.Invoice ? DocumentLabels.Invoice : DocumentLabels.CreditNote;

    private static DocumentWording Wording(BillingDocumentModel model) => DocumentWording.For(model.Language);

    /// <summary>
    /// Draws a label's lines one under the other and returns their height: the first (French) in
    /// <paramref name="font"/>, any next one (its English) smaller, in grey, or in <paramref name="translationBrush"/>
    /// where grey would not read (white on the accent colour). Each line wraps within <paramref name="width"/>.
    /// </summary>
    private static double Stack(
        PdfCanvas canvas, PdfStyles styles, IReadOnlyList<string> lines, PdfFont font, PdfColor color,
        double x, double top, double width, PdfTextAlignment alignment = PdfTextAlignment.Near, PdfColor? translationBrush = null)
    {
        var y = top;
        for (var i = 0; i < lines.Count; i++)
        {
            y += i == 0
                ? canvas.Paragraph(lines[i], font, color, x, y, width, alignment)
                : canvas.Paragraph(lines[i], styles.Translation, translationBrush ?? styles.Muted, x, y, width, alignment);
        }

        return y - top;
    }

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

    private sealed record Column(DocumentLabel Header, double Width, PdfTextAlignment Alignment);

    /// <summary>A payment block's row: its label's lines (none for a note under the row above) and its value's lines.</summary>
    private sealed record PaymentRow(IReadOnlyList<string> Label, IReadOnlyList<string> Value, bool Strong);
}

using System.Globalization;
using System.Text;
using System.Xml;
using SubscriptionPortal.Billing.Pdf;
using SubscriptionPortal.Common;

namespace SubscriptionPortal.Billing.EInvoicing;

/// <summary>
/// Writes a document as a UN/CEFACT Cross Industry Invoice (D16B), profile EN 16931: the
/// <c>factur-x.xml</c> embedded in the PDF. It reads the same <see cref="BillingDocumentModel"/>
/// the page is drawn from and, like the renderer, computes nothing: every amount is the model's.
/// A credit note (type 381) carries positive amounts, as EN 16931 wants.
/// </summary>
internal static class CiiInvoiceWriter
{
    /// <summary>The EN 16931 profile's guideline identifier (BT-24).</summary>
    public const string Profile = "urn:cen.eu:en16931:2017";

    private const string Rsm = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    private const string Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    private const string Udt = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
    private const string Qdt = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";

    // UNTDID 4461: 59 is a SEPA direct debit. UNTDID 2005: 5 is "date of invoice" (VAT on debits).
    private const string SepaDirectDebit = "59";
    private const string VatDueOnInvoiceDate = "5";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = " ",
    };

    /// <summary>The UTF-8 bytes of the document's <c>factur-x.xml</c>.</summary>
    public static byte[] Write(BillingDocumentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var buffer = new MemoryStream(8192);
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            // Stryker disable once Statement : equivalent, the writer declares the document by itself
            xml.WriteStartDocument();
            xml.WriteStartElement("rsm", "CrossIndustryInvoice", Rsm);
            xml.WriteAttributeString("xmlns", "qdt", null, Qdt);
            xml.WriteAttributeString("xmlns", "ram", null, Ram);
            xml.WriteAttributeString("xmlns", "udt", null, Udt);

            xml.WriteStartElement("rsm", "ExchangedDocumentContext", Rsm);
            xml.WriteStartElement("ram", "GuidelineSpecifiedDocumentContextParameter", Ram);
            Element(xml, "ID", Profile);
            xml.WriteEndElement();
            xml.WriteEndElement();

            WriteDocument(xml, model);

            xml.WriteStartElement("rsm", "SupplyChainTradeTransaction", Rsm);
            for (var i = 0; i < model.Lines.Count; i++)
            {
                WriteLine(xml, i + 1, model.Lines[i], model.Totals.VatRate);
            }

            WriteAgreement(xml, model);
            WriteDelivery(xml, model);
            WriteSettlement(xml, model);

            // Stryker disable Statement : equivalent, the writer closes open elements at the end of the document
            xml.WriteEndElement();

            xml.WriteEndElement();
            xml.WriteEndDocument();
            // Stryker restore Statement
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The notes (BT-21/BT-22), in the order the page shows them. Public so tests can hold the page
    /// and the XML to the same sentences.
    /// </summary>
    public static IReadOnlyList<(string? SubjectCode, string Content)> Notes(BillingDocumentModel model)
    {
        var notes = new List<(string?, string)> { (null, DocumentMentions.OperationNature) };
        if (model.Seller.VatOnDebits)
        {
            notes.Add(("TXD", DocumentMentions.VatOnDebits));
        }

        if (model.CorrectedInvoice is { } corrected)
        {
            notes.Add(("ACD", corrected.Reason));
        }

        if (model.Payment?.AppliedToInvoice is { } imputation)
        {
            notes.Add((null, DocumentMentions.Imputation(imputation)));
        }

        if (model.Kind == DocumentKind.CreditNote && model.Payment is { CreditedToAccountBalance: > 0 } payment)
        {
            notes.Add((null, DocumentMentions.CreditedToAccount(payment.CreditedToAccountBalance)));
        }

        notes.Add(("PMT", DocumentMentions.RecoveryIndemnity));
        notes.Add(("PMD", DocumentMentions.LatePaymentPenaltiesFrench(model.Seller)));
        notes.Add(("AAB", DocumentMentions.NoEarlyPaymentDiscount));

        // The page keeps amounts whole with no-break spaces; the XML's readers expect plain ones.
        return [.. notes.Select(n => (n.Item1, n.Item2.Replace('\u00A0', ' ')))];
    }

    /// <summary>What the buyer has already settled (BT-113): the credit note set against an invoice, the balance, or all of a credit note.</summary>
    public static decimal PaidAmount(BillingDocumentModel model) => model.Kind switch
    {
        DocumentKind.CreditNote => model.Totals.IncludingVat,
        _ => (model.Payment?.SettledByCreditNote?.Amount ?? 0m) + (model.Payment?.PaidFromAccountBalance ?? 0m),
    };

    /// <summary>
    /// What is left to pay (BT-115): the amount the bank is asked for when there is a debit; for an
    /// invoice without one (no mandate yet), what the credit note and the balance left unpaid.
    /// </summary>
    public static decimal DueAmount(BillingDocumentModel model) => model.Payment?.DirectDebit is { } debit
        ? debit.Amount
        : model.Totals.IncludingVat - PaidAmount(model);

    private static void WriteDocument(XmlWriter xml, BillingDocumentModel model)
    {
        xml.WriteStartElement("rsm", "ExchangedDocument", Rsm);
        Element(xml, "ID", model.Number);
        Element(xml, "TypeCode", model.Kind == DocumentKind.Invoice ? "380" : "381");
        xml.WriteStartElement("ram", "IssueDateTime", Ram);
        DateTimeString(xml, "udt", Udt, model.IssueDate);
        xml.WriteEndElement();
        foreach (var (subjectCode, content) in Notes(model))
        {
            xml.WriteStartElement("ram", "IncludedNote", Ram);
            Element(xml, "Content", content);
            if (subjectCode is not null)
            {
                Element(xml, "SubjectCode", subjectCode);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteLine(XmlWriter xml, int position, BillingLine line, decimal vatRate)
    {
        xml.WriteStartElement("ram", "IncludedSupplyChainTradeLineItem", Ram);

        xml.WriteStartElement("ram", "AssociatedDocumentLineDocument", Ram);
        Element(xml, "LineID", position.ToString(CultureInfo.InvariantCulture));
        xml.WriteEndElement();

        xml.WriteStartElement("ram", "SpecifiedTradeProduct", Ram);
        Element(xml, "Name", line.Description);
        xml.WriteEndElement();

        xml.WriteStartElement("ram", "SpecifiedLineTradeAgreement", Ram);
        xml.WriteStartElement("ram", "NetPriceProductTradePrice", Ram);
        Element(xml, "ChargeAmount", Amount(line.UnitPriceExcludingVat));
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("ram", "SpecifiedLineTradeDelivery", Ram);
        xml.WriteStartElement("ram", "BilledQuantity", Ram);
        xml.WriteAttributeString("unitCode", "C62");
        xml.WriteString(line.Quantity.ToString(CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("ram", "SpecifiedLineTradeSettlement", Ram);
        xml.WriteStartElement("ram", "ApplicableTradeTax", Ram);
        Element(xml, "TypeCode", "VAT");
        Element(xml, "CategoryCode", "S");
        Element(xml, "RateApplicablePercent", Percent(vatRate * 100m));
        xml.WriteEndElement();
        Period(xml, line.Period);

        xml.WriteStartElement("ram", "SpecifiedTradeSettlementLineMonetarySummation", Ram);
        Element(xml, "LineTotalAmount", Amount(line.TotalExcludingVat));
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteEndElement();
    }

    private static void WriteAgreement(XmlWriter xml, BillingDocumentModel model)
    {
        xml.WriteStartElement("ram", "ApplicableHeaderTradeAgreement", Ram);

        var seller = model.Seller;
        xml.WriteStartElement("ram", "SellerTradeParty", Ram);
        Element(xml, "Name", seller.Name);
        LegalOrganization(xml, seller.Siren);
        Address(xml, seller.Address);
        TaxRegistration(xml, seller.VatNumber);
        xml.WriteEndElement();

        var buyer = model.Buyer;
        xml.WriteStartElement("ram", "BuyerTradeParty", Ram);
        Element(xml, "Name", buyer.Name);
        LegalOrganization(xml, buyer.Siren);
        Address(xml, buyer.Address ?? new PostalAddress());
        if (buyer.Email is { Length: > 0 } email)
        {
            SchemedId(xml, "URIUniversalCommunication", "URIID", "EM", email);
        }

        TaxRegistration(xml, buyer.VatNumber);
        xml.WriteEndElement();

        xml.WriteEndElement();
    }

    private static void WriteDelivery(XmlWriter xml, BillingDocumentModel model)
    {
        xml.WriteStartElement("ram", "ApplicableHeaderTradeDelivery", Ram);
        if (model.Buyer.ServiceAddress is { } serviceAddress)
        {
            xml.WriteStartElement("ram", "ShipToTradeParty", Ram);
            Address(xml, serviceAddress);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteSettlement(XmlWriter xml, BillingDocumentModel model)
    {
        var debit = model.Payment?.DirectDebit;
        var paid = PaidAmount(model);
        var due = DueAmount(model);
        if (paid + due != model.Totals.IncludingVat)
        {
            throw new ArgumentException(
                $"{model.Number}: what is paid ({paid}) and what is debited ({due}) do not make the total ({model.Totals.IncludingVat}).", nameof(model));
        }

        xml.WriteStartElement("ram", "ApplicableHeaderTradeSettlement", Ram);
        if (debit is not null && model.Seller.SepaCreditorIdentifier is { Length: > 0 } creditorId)
        {
            Element(xml, "CreditorReferenceID", creditorId);
        }

        Element(xml, "InvoiceCurrencyCode", model.Currency);

        if (debit is not null)
        {
            xml.WriteStartElement("ram", "SpecifiedTradeSettlementPaymentMeans", Ram);
            Element(xml, "TypeCode", SepaDirectDebit);
            Element(xml, "Information", "SEPA direct debit");
            xml.WriteStartElement("ram", "PayerPartyDebtorFinancialAccount", Ram);
            Element(xml, "IBANID", Compact(debit.MaskedIban)!);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        foreach (var vat in model.VatSummary)
        {
            xml.WriteStartElement("ram", "ApplicableTradeTax", Ram);
            Element(xml, "CalculatedAmount", Amount(vat.Vat));
            Element(xml, "TypeCode", "VAT");
            Element(xml, "BasisAmount", Amount(vat.ExcludingVat));
            Element(xml, "CategoryCode", "S");
            if (model.Seller.VatOnDebits)
            {
                Element(xml, "DueDateTypeCode", VatDueOnInvoiceDate);
            }

            Element(xml, "RateApplicablePercent", Percent(vat.VatRate * 100m));
            xml.WriteEndElement();
        }

        Period(xml, model.ServicePeriod);

        if (debit is not null || due > 0)
        {
            xml.WriteStartElement("ram", "SpecifiedTradePaymentTerms", Ram);
            Element(xml, "Description", debit is null ? "Payable on receipt" : "SEPA direct debit on the due date");
            if (debit is not null)
            {
                xml.WriteStartElement("ram", "DueDateDateTime", Ram);
                DateTimeString(xml, "udt", Udt, debit.CollectionDate);
                xml.WriteEndElement();
                Element(xml, "DirectDebitMandateID", debit.MandateReference);
            }

            xml.WriteEndElement();
        }

        xml.WriteStartElement("ram", "SpecifiedTradeSettlementHeaderMonetarySummation", Ram);
        Element(xml, "LineTotalAmount", Amount(model.Totals.ExcludingVat));
        Element(xml, "TaxBasisTotalAmount", Amount(model.Totals.ExcludingVat));
        xml.WriteStartElement("ram", "TaxTotalAmount", Ram);
        xml.WriteAttributeString("currencyID", model.Currency);
        xml.WriteString(Amount(model.Totals.Vat));
        xml.WriteEndElement();
        Element(xml, "GrandTotalAmount", Amount(model.Totals.IncludingVat));
        Element(xml, "TotalPrepaidAmount", Amount(paid));
        Element(xml, "DuePayableAmount", Amount(due));
        xml.WriteEndElement();

        if (model.CorrectedInvoice is { } corrected)
        {
            xml.WriteStartElement("ram", "InvoiceReferencedDocument", Ram);
            Element(xml, "IssuerAssignedID", corrected.InvoiceNumber);
            xml.WriteStartElement("ram", "FormattedIssueDateTime", Ram);
            DateTimeString(xml, "qdt", Qdt, corrected.InvoiceIssueDate);

            // Stryker disable Statement : equivalent, the last elements written: the ones closed after them and the end of the document close them the same way
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        // Stryker restore Statement
        // Stryker disable once Statement : equivalent, the settlement is the transaction's last element: the end of the document closes it the same way
        xml.WriteEndElement();
    }

    private static void LegalOrganization(XmlWriter xml, string? siren)
    {
        if (Compact(siren) is not { Length: > 0 } id)
        {
            return;
        }

        // Scheme 0002 (ISO 6523) is the French SIRENE register.
        SchemedId(xml, "SpecifiedLegalOrganization", "ID", "0002", id);
    }

    private static void TaxRegistration(XmlWriter xml, string? vatNumber)
    {
        if (Compact(vatNumber) is not { Length: > 0 } id)
        {
            return;
        }

        SchemedId(xml, "SpecifiedTaxRegistration", "ID", "VA", id);
    }

    /// <summary>Writes <c>&lt;parent&gt;&lt;element schemeID="scheme"&gt;value&lt;/element&gt;&lt;/parent&gt;</c> in the ram namespace.</summary>
    private static void SchemedId(XmlWriter xml, string parent, string element, string scheme, string value)
    {
        xml.WriteStartElement("ram", parent, Ram);
        xml.WriteStartElement("ram", element, Ram);
        xml.WriteAttributeString("schemeID", scheme);
        xml.WriteString(value);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Address(XmlWriter xml, PostalAddress address)
    {
        xml.WriteStartElement("ram", "PostalTradeAddress", Ram);
        OptionalElement(xml, "PostcodeCode", address.PostalCode);
        OptionalElement(xml, "LineOne", address.Line);
        OptionalElement(xml, "CityName", address.City);
        Element(xml, "CountryID", address.CountryCode);
        xml.WriteEndElement();
    }

    /// <summary>A billing period; its end is exclusive in the model and inclusive in the XML, as on the page.</summary>
    private static void Period(XmlWriter xml, BillingPeriod period)
    {
        xml.WriteStartElement("ram", "BillingSpecifiedPeriod", Ram);
        xml.WriteStartElement("ram", "StartDateTime", Ram);
        DateTimeString(xml, "udt", Udt, period.Start);
        xml.WriteEndElement();
        xml.WriteStartElement("ram", "EndDateTime", Ram);
        DateTimeString(xml, "udt", Udt, period.End.AddDays(-1));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void DateTimeString(XmlWriter xml, string prefix, string ns, DateOnly date)
    {
        xml.WriteStartElement(prefix, "DateTimeString", ns);
        xml.WriteAttributeString("format", "102");
        xml.WriteString(date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        xml.WriteEndElement();
    }

    private static void Element(XmlWriter xml, string name, string value) => xml.WriteElementString("ram", name, Ram, value);

    private static void OptionalElement(XmlWriter xml, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            Element(xml, name, value.Trim());
        }
    }

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Percent(decimal percent) => percent.ToString("0.##", CultureInfo.InvariantCulture);

    private static string? Compact(string? identifier) =>
        identifier is null ? null : string.Concat(identifier.Where(c => !char.IsWhiteSpace(c)));
}

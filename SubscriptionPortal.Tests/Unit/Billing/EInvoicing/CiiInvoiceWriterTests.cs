using System.Text;
using System.Xml.Linq;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Billing.EInvoicing;
using SubscriptionPortal.Billing.Pdf;
using SubscriptionPortal.Common;
using SubscriptionPortal.Tests.Unit.Billing.Pdf;

namespace SubscriptionPortal.Tests.Unit.Billing.EInvoicing;

/// <summary>The <c>factur-x.xml</c> of a document, read back element by element.</summary>
public sealed class CiiInvoiceWriterTests
{
    private static readonly XNamespace Rsm = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    private static readonly XNamespace Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    private static readonly XNamespace Udt = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
    private static readonly XNamespace Qdt = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";

    [Fact]
    public void Write_AnInvoice_GivesItsProfileNumberTypeAndIssueDate()
    {
        var xml = Read(BillingDocumentSamples.Invoice());

        Assert.Equal(Rsm + "CrossIndustryInvoice", xml.Root!.Name);
        Assert.Equal(CiiInvoiceWriter.Profile, xml.Root.Element(Rsm + "ExchangedDocumentContext")!
            .Element(Ram + "GuidelineSpecifiedDocumentContextParameter")!.Element(Ram + "ID")!.Value);
        var document = xml.Root.Element(Rsm + "ExchangedDocument")!;
        Assert.Equal("F-2026-000123", document.Element(Ram + "ID")!.Value);
        Assert.Equal("380", document.Element(Ram + "TypeCode")!.Value);
        AssertDate("20260310", document.Element(Ram + "IssueDateTime")!, Udt);
    }

    [Fact]
    public void Write_AnInvoice_IsUtf8WithoutByteOrderMark_IndentedOneSpaceALevel()
    {
        var bytes = CiiInvoiceWriter.Write(BillingDocumentSamples.Invoice());

        Assert.Equal((byte)'<', bytes[0]);
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("<rsm:CrossIndustryInvoice", lines[1], StringComparison.Ordinal);
        Assert.StartsWith(" <rsm:ExchangedDocumentContext>", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("  <ram:GuidelineSpecifiedDocumentContextParameter>", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Write_AnyDocument_DeclaresItsFourNamespacesOnTheRootOnly_AndPrefixesEveryElementAsTheStandardDoes()
    {
        var prefixes = new Dictionary<string, string>
        {
            [Rsm.NamespaceName] = "rsm",
            [Ram.NamespaceName] = "ram",
            [Udt.NamespaceName] = "udt",
            [Qdt.NamespaceName] = "qdt",
        };
        var everything = BillingDocumentSamples.Invoice() with
        {
            Buyer = BillingDocumentSamples.Buyer with
            {
                Email = "treasurer@chorale.example",
                VatNumber = "FR12823456789",
                Address = new PostalAddress { Line = "4 place des Vosges", PostalCode = "75004", City = "Paris", CountryCode = "FR" },
                ServiceAddress = new PostalAddress { Line = "Salle des fêtes", PostalCode = "75003", City = "Paris" },
            },
        };

        foreach (var model in new[] { everything, BillingDocumentSamples.CreditNote() })
        {
            using var reader = System.Xml.XmlReader.Create(new MemoryStream(CiiInvoiceWriter.Write(model)));
            var declarations = new List<(int Depth, string Name, string Value)>();
            var elements = 0;
            while (reader.Read())
            {
                if (reader.NodeType != System.Xml.XmlNodeType.Element)
                {
                    continue;
                }

                elements++;
                Assert.Equal(prefixes[reader.NamespaceURI], reader.Prefix);
                while (reader.MoveToNextAttribute())
                {
                    if (reader.Name.StartsWith("xmlns", StringComparison.Ordinal))
                    {
                        declarations.Add((reader.Depth, reader.Name, reader.Value));
                    }
                }

                reader.MoveToElement();
            }

            Assert.True(elements > 50, $"{model.Number}: {elements} elements read");
            Assert.Equal(
                [(1, "xmlns:qdt", Qdt.NamespaceName), (1, "xmlns:ram", Ram.NamespaceName), (1, "xmlns:rsm", Rsm.NamespaceName), (1, "xmlns:udt", Udt.NamespaceName)],
                declarations.OrderBy(d => d.Name, StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Write_AnInvoice_WritesItsNotesInThePagesOrderWithTheirSubjectCodes()
    {
        var notes = Notes(Read(BillingDocumentSamples.Invoice()));

        List<(string? SubjectCode, string Content)> expected =
            [
                (null, DocumentMentions.OperationNature),
                ("PMT", DocumentMentions.RecoveryIndemnity),
                ("PMD", "Pénalités de retard : trois fois le taux d'intérêt légal."),
                ("AAB", DocumentMentions.NoEarlyPaymentDiscount),
            ];
        Assert.Equal(expected, notes);
    }

    [Fact]
    public void Write_ASellerPayingVatOnDebits_SaysSoInANoteAndInTheVatDueDateCode()
    {
        var model = BillingDocumentSamples.Invoice() with { Seller = BillingDocumentSamples.Seller with { VatOnDebits = true } };

        var xml = Read(model);

        Assert.Equal(("TXD", DocumentMentions.VatOnDebits), Notes(xml)[1]);
        Assert.Equal("5", Settlement(xml).Element(Ram + "ApplicableTradeTax")!.Element(Ram + "DueDateTypeCode")!.Value);
    }

    [Fact]
    public void Write_ASellerNotPayingVatOnDebits_HasNoVatDueDateCode()
    {
        var xml = Read(BillingDocumentSamples.Invoice());

        Assert.Null(Settlement(xml).Element(Ram + "ApplicableTradeTax")!.Element(Ram + "DueDateTypeCode"));
        Assert.DoesNotContain(Notes(xml), n => n.SubjectCode == "TXD");
    }

    [Fact]
    public void Write_EachLine_GivesItsPositionNamePriceQuantityVatPeriodAndTotal()
    {
        var model = BillingDocumentSamples.Invoice() with
        {
            Lines =
            [
                new BillingLine("Serenity", new BillingPeriod(new DateOnly(2026, 3, 10), new DateOnly(2026, 4, 10)), 1, 40.00m, 40.00m),
                new BillingLine("Extra contacts", new BillingPeriod(new DateOnly(2026, 3, 15), new DateOnly(2026, 4, 10)), 2, 3.30m, 6.60m),
            ],
        };

        var lines = Read(model).Root!.Element(Rsm + "SupplyChainTradeTransaction")!.Elements(Ram + "IncludedSupplyChainTradeLineItem").ToList();

        Assert.Equal(2, lines.Count);
        var second = lines[1];
        Assert.Equal("1", lines[0].Element(Ram + "AssociatedDocumentLineDocument")!.Element(Ram + "LineID")!.Value);
        Assert.Equal("2", second.Element(Ram + "AssociatedDocumentLineDocument")!.Element(Ram + "LineID")!.Value);
        Assert.Equal("Extra contacts", second.Element(Ram + "SpecifiedTradeProduct")!.Element(Ram + "Name")!.Value);
        Assert.Equal("3.30", second.Element(Ram + "SpecifiedLineTradeAgreement")!.Element(Ram + "NetPriceProductTradePrice")!.Element(Ram + "ChargeAmount")!.Value);
        var quantity = second.Element(Ram + "SpecifiedLineTradeDelivery")!.Element(Ram + "BilledQuantity")!;
        Assert.Equal(("C62", "2"), (quantity.Attribute("unitCode")!.Value, quantity.Value));
        Assert.Equal("1", lines[0].Element(Ram + "SpecifiedLineTradeDelivery")!.Element(Ram + "BilledQuantity")!.Value);
        var settlement = second.Element(Ram + "SpecifiedLineTradeSettlement")!;
        var tax = settlement.Element(Ram + "ApplicableTradeTax")!;
        Assert.Equal(("VAT", "S", "20"),
            (tax.Element(Ram + "TypeCode")!.Value, tax.Element(Ram + "CategoryCode")!.Value, tax.Element(Ram + "RateApplicablePercent")!.Value));
        AssertPeriod("20260315", "20260409", settlement);
        Assert.Equal("6.60", settlement.Element(Ram + "SpecifiedTradeSettlementLineMonetarySummation")!.Element(Ram + "LineTotalAmount")!.Value);
    }

    [Fact]
    public void Write_AFractionalVatRate_KeepsItsDecimalInEveryRate()
    {
        var totals = VatAmounts.FromExcludingVat(40.00m, 0.055m);
        var model = BillingDocumentSamples.Invoice() with { VatSummary = [totals], Totals = totals, Payment = null };

        var xml = Read(model);

        Assert.All(xml.Descendants(Ram + "RateApplicablePercent"), rate => Assert.Equal("5.5", rate.Value));
        Assert.Equal(2, xml.Descendants(Ram + "RateApplicablePercent").Count());
    }

    [Fact]
    public void Write_TheSeller_GivesItsNameSirenVatNumberAndAddress_WithoutSpaces()
    {
        var model = BillingDocumentSamples.Invoice() with
        {
            Seller = BillingDocumentSamples.Seller with { Address = new PostalAddress { Line = "12 rue de la République", PostalCode = "69002", City = "Lyon" } },
        };

        var seller = Agreement(Read(model)).Element(Ram + "SellerTradeParty")!;

        Assert.Equal("Portail Associatif SAS", seller.Element(Ram + "Name")!.Value);
        AssertSchemedId(seller, "SpecifiedLegalOrganization", "0002", "912345678");
        AssertSchemedId(seller, "SpecifiedTaxRegistration", "VA", "FR32912345678");
        AssertAddress(seller.Element(Ram + "PostalTradeAddress")!, ("PostcodeCode", "69002"), ("LineOne", "12 rue de la République"), ("CityName", "Lyon"),
            ("CountryID", "FR"));
    }

    [Fact]
    public void Write_ABuyerWithEmailVatNumberAndAddress_GivesEachInItsPlace()
    {
        var model = BillingDocumentSamples.Invoice() with
        {
            Buyer = BillingDocumentSamples.Buyer with
            {
                Email = "treasurer@chorale.example",
                VatNumber = " FR 12 823456789 ",
                Address = new PostalAddress { Line = "  4 place des Vosges ", PostalCode = "75004", City = "Paris", CountryCode = "FR" },
            },
        };

        var buyer = Agreement(Read(model)).Element(Ram + "BuyerTradeParty")!;

        Assert.Equal("Chorale du Marais — Société Œcuménique d'Été", buyer.Element(Ram + "Name")!.Value);
        AssertSchemedId(buyer, "SpecifiedLegalOrganization", "0002", "823456789");
        AssertSchemedId(buyer, "URIUniversalCommunication", "EM", "treasurer@chorale.example", element: "URIID");
        AssertSchemedId(buyer, "SpecifiedTaxRegistration", "VA", "FR12823456789");
        AssertAddress(buyer.Element(Ram + "PostalTradeAddress")!, ("PostcodeCode", "75004"), ("LineOne", "4 place des Vosges"), ("CityName", "Paris"),
            ("CountryID", "FR"));
        Assert.Equal(
            ["Name", "SpecifiedLegalOrganization", "PostalTradeAddress", "URIUniversalCommunication", "SpecifiedTaxRegistration"],
            buyer.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public void Write_ABuyerWithoutIdentifiersEmailOrAddress_GivesItsNameAndCountryOnly()
    {
        var model = BillingDocumentSamples.Invoice() with
        {
            Buyer = new BuyerDetails { Name = "Club", Siren = "   ", VatNumber = "", Email = "", Address = null },
        };

        var buyer = Agreement(Read(model)).Element(Ram + "BuyerTradeParty")!;

        Assert.Equal(["Name", "PostalTradeAddress"], buyer.Elements().Select(e => e.Name.LocalName));
        AssertAddress(buyer.Element(Ram + "PostalTradeAddress")!, ("CountryID", "FR"));
    }

    [Fact]
    public void Write_AnAddressWithBlankParts_LeavesThemOut()
    {
        var model = BillingDocumentSamples.Invoice() with
        {
            Buyer = BillingDocumentSamples.Buyer with { Address = new PostalAddress { Line = " ", PostalCode = "75004", City = null, CountryCode = "BE" } },
        };

        var buyer = Agreement(Read(model)).Element(Ram + "BuyerTradeParty")!;

        AssertAddress(buyer.Element(Ram + "PostalTradeAddress")!, ("PostcodeCode", "75004"), ("CountryID", "BE"));
    }

    [Fact]
    public void Write_AServiceAddress_IsTheShipToParty()
    {
        var model = BillingDocumentSamples.Invoice() with
        {
            Buyer = BillingDocumentSamples.Buyer with { ServiceAddress = new PostalAddress { Line = "Salle des fêtes", PostalCode = "75003", City = "Paris" } },
        };

        var transaction = Read(model).Root!.Element(Rsm + "SupplyChainTradeTransaction")!;
        var delivery = transaction.Element(Ram + "ApplicableHeaderTradeDelivery")!;

        Assert.Equal(
            ["IncludedSupplyChainTradeLineItem", "ApplicableHeaderTradeAgreement", "ApplicableHeaderTradeDelivery", "ApplicableHeaderTradeSettlement"],
            transaction.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(["ShipToTradeParty"], delivery.Elements().Select(e => e.Name.LocalName));
        AssertAddress(delivery.Element(Ram + "ShipToTradeParty")!.Element(Ram + "PostalTradeAddress")!, ("PostcodeCode", "75003"), ("LineOne", "Salle des fêtes"),
            ("CityName", "Paris"), ("CountryID", "FR"));
    }

    [Fact]
    public void Write_WithoutServiceAddress_TheDeliveryIsEmpty()
    {
        var delivery = Read(BillingDocumentSamples.Invoice()).Root!.Element(Rsm + "SupplyChainTradeTransaction")!.Element(Ram + "ApplicableHeaderTradeDelivery")!;

        Assert.Empty(delivery.Elements());
    }

    [Fact]
    public void Write_AnInvoicePaidByDirectDebit_GivesTheCreditorMandateMaskedIbanAndCollectionDate()
    {
        var settlement = Settlement(Read(BillingDocumentSamples.Invoice()));

        Assert.Equal("FR12ZZZ123456", settlement.Element(Ram + "CreditorReferenceID")!.Value);
        Assert.Equal("EUR", settlement.Element(Ram + "InvoiceCurrencyCode")!.Value);
        var means = settlement.Element(Ram + "SpecifiedTradeSettlementPaymentMeans")!;
        Assert.Equal(("59", "SEPA direct debit"), (means.Element(Ram + "TypeCode")!.Value, means.Element(Ram + "Information")!.Value));
        Assert.Equal("FR76*******************0189", means.Element(Ram + "PayerPartyDebtorFinancialAccount")!.Element(Ram + "IBANID")!.Value);
        var terms = settlement.Element(Ram + "SpecifiedTradePaymentTerms")!;
        Assert.Equal("SEPA direct debit on the due date", terms.Element(Ram + "Description")!.Value);
        AssertDate("20260313", terms.Element(Ram + "DueDateDateTime")!, Udt);
        Assert.Equal("RUM-CHM-2026-0001", terms.Element(Ram + "DirectDebitMandateID")!.Value);
    }

    [Fact]
    public void Write_ADebitWithoutCreditorIdentifier_LeavesTheCreditorReferenceOut()
    {
        var model = BillingDocumentSamples.Invoice() with { Seller = BillingDocumentSamples.Seller with { SepaCreditorIdentifier = "" } };

        var settlement = Settlement(Read(model));

        Assert.Null(settlement.Element(Ram + "CreditorReferenceID"));
        Assert.NotNull(settlement.Element(Ram + "SpecifiedTradeSettlementPaymentMeans"));
    }

    [Fact]
    public void Write_AnInvoice_GivesItsVatBreakdownServicePeriodAndTotals()
    {
        var settlement = Settlement(Read(BillingDocumentSamples.Invoice()));

        var tax = settlement.Element(Ram + "ApplicableTradeTax")!;
        Assert.Equal(
            ["CalculatedAmount", "TypeCode", "BasisAmount", "CategoryCode", "RateApplicablePercent"],
            tax.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(["8.00", "VAT", "40.00", "S", "20"], tax.Elements().Select(e => e.Value));
        AssertPeriod("20260310", "20260409", settlement);
        var totals = settlement.Element(Ram + "SpecifiedTradeSettlementHeaderMonetarySummation")!;
        Assert.Equal(
            ["LineTotalAmount", "TaxBasisTotalAmount", "TaxTotalAmount", "GrandTotalAmount", "TotalPrepaidAmount", "DuePayableAmount"],
            totals.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(["40.00", "40.00", "8.00", "48.00", "12.50", "35.50"], totals.Elements().Select(e => e.Value));
        Assert.Equal("EUR", totals.Element(Ram + "TaxTotalAmount")!.Attribute("currencyID")!.Value);
        Assert.Null(settlement.Element(Ram + "InvoiceReferencedDocument"));
    }

    [Fact]
    public void Write_AnInvoiceWithoutDebit_IsPayableOnReceiptForWhatTheCreditNoteAndBalanceLeft()
    {
        var model = BillingDocumentSamples.Invoice() with
        {
            Payment = new PaymentDetails { PaidFromAccountBalance = 10.00m, SettledByCreditNote = new CreditNoteSettlement("A-2026-000042", 8.00m) },
        };

        var settlement = Settlement(Read(model));

        Assert.Null(settlement.Element(Ram + "CreditorReferenceID"));
        Assert.Null(settlement.Element(Ram + "SpecifiedTradeSettlementPaymentMeans"));
        var terms = settlement.Element(Ram + "SpecifiedTradePaymentTerms")!;
        Assert.Equal(["Description"], terms.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("Payable on receipt", terms.Element(Ram + "Description")!.Value);
        var totals = settlement.Element(Ram + "SpecifiedTradeSettlementHeaderMonetarySummation")!;
        Assert.Equal(("18.00", "30.00"), (totals.Element(Ram + "TotalPrepaidAmount")!.Value, totals.Element(Ram + "DuePayableAmount")!.Value));
        Assert.Equal((18.00m, 30.00m), (CiiInvoiceWriter.PaidAmount(model), CiiInvoiceWriter.DueAmount(model)));
    }

    [Fact]
    public void Write_AnInvoiceFullyPaidByTheBalance_HasNoPaymentTermsAndNothingDue()
    {
        var model = BillingDocumentSamples.Invoice() with { Payment = new PaymentDetails { PaidFromAccountBalance = 48.00m } };

        var settlement = Settlement(Read(model));

        Assert.Null(settlement.Element(Ram + "SpecifiedTradePaymentTerms"));
        var totals = settlement.Element(Ram + "SpecifiedTradeSettlementHeaderMonetarySummation")!;
        Assert.Equal(("48.00", "0.00"), (totals.Element(Ram + "TotalPrepaidAmount")!.Value, totals.Element(Ram + "DuePayableAmount")!.Value));
    }

    [Fact]
    public void Write_AnInvoiceWithoutPaymentDetails_IsDueInFull()
    {
        var model = BillingDocumentSamples.Invoice() with { Payment = null };

        Assert.Equal((0m, 48.00m), (CiiInvoiceWriter.PaidAmount(model), CiiInvoiceWriter.DueAmount(model)));
        var totals = Settlement(Read(model)).Element(Ram + "SpecifiedTradeSettlementHeaderMonetarySummation")!;
        Assert.Equal(("0.00", "48.00"), (totals.Element(Ram + "TotalPrepaidAmount")!.Value, totals.Element(Ram + "DuePayableAmount")!.Value));
    }

    [Fact]
    public void Write_AmountsThatDoNotMakeTheTotal_AreRefused()
    {
        var model = BillingDocumentSamples.Invoice() with
        {
            Payment = BillingDocumentSamples.Invoice().Payment! with
            {
                DirectDebit = new SepaDirectDebitDetails("FR76 **** 0189", "RUM-CHM-2026-0001", new DateOnly(2026, 3, 13), 35.49m),
            },
        };

        var error = Assert.Throws<ArgumentException>(() => CiiInvoiceWriter.Write(model));

        Assert.Equal("model", error.ParamName);
    }

    [Fact]
    public void Write_NoModel_IsRefused()
    {
        Assert.Throws<ArgumentNullException>(() => CiiInvoiceWriter.Write(null!));
    }

    [Fact]
    public void Write_ACreditNote_IsType381WithPositiveAmountsAllPrepaid()
    {
        var xml = Read(BillingDocumentSamples.CreditNote());

        Assert.Equal("381", xml.Root!.Element(Rsm + "ExchangedDocument")!.Element(Ram + "TypeCode")!.Value);
        var settlement = Settlement(xml);
        Assert.Null(settlement.Element(Ram + "SpecifiedTradePaymentTerms"));
        Assert.Null(settlement.Element(Ram + "SpecifiedTradeSettlementPaymentMeans"));
        var totals = settlement.Element(Ram + "SpecifiedTradeSettlementHeaderMonetarySummation")!;
        Assert.Equal(["27.10", "27.10", "5.42", "32.52", "32.52", "0.00"], totals.Elements().Select(e => e.Value));
    }

    [Fact]
    public void Write_ACreditNote_ReferencesTheInvoiceItCorrectsWithItsReason()
    {
        var xml = Read(BillingDocumentSamples.CreditNote());

        var reference = Settlement(xml).Element(Ram + "InvoiceReferencedDocument")!;
        Assert.Equal("F-2026-000123", reference.Element(Ram + "IssuerAssignedID")!.Value);
        AssertDate("20260310", reference.Element(Ram + "FormattedIssueDateTime")!, Qdt);
        Assert.Equal(
            ("ACD", "Change of subscription to Professional on 20/03/2026: the unused part of the current period is credited."),
            Notes(xml)[1]);
    }

    [Fact]
    public void Write_ACreditNoteCreditedToTheBalance_SaysHowMuchWithPlainSpaces()
    {
        var model = BillingDocumentSamples.CreditNote() with
        {
            Payment = new PaymentDetails
            {
                AppliedToInvoice = new CreditNoteImputation("F-2026-000123", new DateOnly(2026, 3, 10), 1200.00m),
                CreditedToAccountBalance = 1528.00m,
            },
        };

        var notes = Notes(Read(model));

        Assert.Equal((null, "Imputé sur la facture F-2026-000123 du 10/03/2026 : 1 200,00 €"), notes[2]);
        Assert.Equal((null, "Porté au crédit de votre compte : 1 528,00 €"), notes[3]);
        Assert.DoesNotContain(notes, n => n.Content.Contains('\u00A0', StringComparison.Ordinal));
    }

    [Fact]
    public void Write_ACreditNoteWithNothingCreditedToTheBalance_HasNoBalanceNote()
    {
        var model = BillingDocumentSamples.CreditNote() with { Payment = new PaymentDetails { CreditedToAccountBalance = 0m } };

        Assert.DoesNotContain(CiiInvoiceWriter.Notes(model), n => n.Content.StartsWith("Porté au crédit", StringComparison.Ordinal));
    }

    [Fact]
    public void Notes_AnInvoice_NeverSaysItIsCreditedToTheBalance()
    {
        var model = BillingDocumentSamples.Invoice() with
        {
            Payment = new PaymentDetails { CreditedToAccountBalance = 5.00m, PaidFromAccountBalance = 48.00m },
        };

        Assert.DoesNotContain(CiiInvoiceWriter.Notes(model), n => n.Content.StartsWith("Porté au crédit", StringComparison.Ordinal));
    }

    private static XDocument Read(BillingDocumentModel model)
    {
        using var stream = new MemoryStream(CiiInvoiceWriter.Write(model));
        return XDocument.Load(stream);
    }

    private static List<(string? SubjectCode, string Content)> Notes(XDocument xml) =>
        [.. xml.Root!.Element(Rsm + "ExchangedDocument")!.Elements(Ram + "IncludedNote")
            .Select(n => (n.Element(Ram + "SubjectCode")?.Value, n.Element(Ram + "Content")!.Value))];

    private static XElement Agreement(XDocument xml) =>
        xml.Root!.Element(Rsm + "SupplyChainTradeTransaction")!.Element(Ram + "ApplicableHeaderTradeAgreement")!;

    private static XElement Settlement(XDocument xml) =>
        xml.Root!.Element(Rsm + "SupplyChainTradeTransaction")!.Element(Ram + "ApplicableHeaderTradeSettlement")!;

    private static void AssertDate(string expected, XElement holder, XNamespace ns)
    {
        var date = holder.Element(ns + "DateTimeString")!;
        Assert.Equal(("102", expected), (date.Attribute("format")!.Value, date.Value));
    }

    private static void AssertPeriod(string start, string end, XElement holder)
    {
        var period = holder.Element(Ram + "BillingSpecifiedPeriod")!;
        AssertDate(start, period.Element(Ram + "StartDateTime")!, Udt);
        AssertDate(end, period.Element(Ram + "EndDateTime")!, Udt);
    }

    private static void AssertSchemedId(XElement party, string parent, string scheme, string value, string element = "ID")
    {
        var id = party.Element(Ram + parent)!.Element(Ram + element)!;
        Assert.Equal((scheme, value), (id.Attribute("schemeID")!.Value, id.Value));
    }

    private static void AssertAddress(XElement address, params (string Name, string Value)[] expected)
    {
        Assert.Equal(expected, address.Elements().Select(e => (e.Name.LocalName, e.Value)));
    }
}

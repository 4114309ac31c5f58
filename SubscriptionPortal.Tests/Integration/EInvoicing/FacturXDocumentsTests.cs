using System.Globalization;
using System.Security.Claims;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Billing.EInvoicing;
using SubscriptionPortal.Billing.Pdf;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Support;
using SubscriptionPortal.Tests.Unit.Billing.EInvoicing;
using SubscriptionPortal.Tests.Unit.Billing.Pdf;

namespace SubscriptionPortal.Tests.Integration.EInvoicing;

/// <summary>
/// Every kind of document the portal issues, issued on a real database through the app's own
/// services, then read back from its stored PDF: the embedded factur-x.xml passes the official
/// EN 16931 checks, and the page, the XML and the database row say the same amounts and dates.
/// </summary>
public sealed class FacturXDocumentsTests : IAsyncLifetime
{
    private const string VatNumber = "FR44732829320";
    private const string Siren = "732829320";
    private const string RnaNumber = "W751234567";

    private static readonly XNamespace Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    private static readonly XNamespace Rsm = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    private static readonly XNamespace Udt = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";

    private TestDatabase upgrade = default!;
    private TestDatabase downgrade = default!;
    private Dictionary<string, BillingDocument> documents = default!;

    public async Task InitializeAsync()
    {
        documents = [];

        // Serenity 250 monthly from 10/03, upgraded to Professional on 20/03, renewed on 20/04.
        upgrade = await TestDatabase.CreateAsync(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero));
        var (upgraded, admin) = await upgrade.FreePlatformAsync("Chorale du Marais", withMandate: true);
        await IdentifyAsync(upgrade, admin, serviceAddress: true);
        Assert.IsType<ChangeOutcome.Applied>(await upgrade.Get<SubscriptionChanges>()
            .ApplyAsync(upgraded, new ChangeTarget(CatalogSeed.Serenity, 250, Commitment.Monthly), new DateOnly(2026, 3, 10), Actor.From(admin)));
        var quote = await upgrade.QuoteAsync(admin, new ChangeTarget(CatalogSeed.Professional, 250, Commitment.Monthly));
        var applied = Assert.IsType<ChangeOutcome.Applied>(await upgrade.Get<SubscriptionChanges>().ValidateAsync(admin, quote.Id));
        upgrade.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 20, 6, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await upgrade.Get<RenewalService>().RenewDueAsync());
        await using (var db = upgrade.CreateContext())
        {
            documents["upgrade-credit-note"] = await db.Documents.SingleAsync(d => d.Id == applied.CreditNoteId);
            documents["upgrade-invoice"] = await db.Documents.SingleAsync(d => d.Id == applied.InvoiceId);
            documents["renewal-invoice"] = await db.Documents.SingleAsync(d => d.PlatformId == upgraded && d.IdempotencyKey.StartsWith("renewal:"));
        }

        // Professional 1 000 annual from 15/01, downgraded to Serenity monthly on 25/04: the credit
        // exceeds the new invoice, the rest goes to the balance, which pays the renewal on 25/05.
        downgrade = await TestDatabase.CreateAsync(new DateTimeOffset(2026, 4, 25, 10, 0, 0, TimeSpan.Zero));
        var (downgraded, club) = await downgrade.FreePlatformAsync("Club Nautique", withMandate: true);
        await IdentifyAsync(downgrade, club);
        Assert.IsType<ChangeOutcome.Applied>(await downgrade.Get<SubscriptionChanges>()
            .ApplyAsync(downgraded, new ChangeTarget(CatalogSeed.Professional, 1000, Commitment.Annual), new DateOnly(2026, 1, 15), Actor.From(club)));
        var down = await downgrade.QuoteAsync(club, new ChangeTarget(CatalogSeed.Serenity, 1000, Commitment.Monthly));
        var downApplied = Assert.IsType<ChangeOutcome.Applied>(await downgrade.Get<SubscriptionChanges>().ValidateAsync(club, down.Id));
        downgrade.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 25, 6, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await downgrade.Get<RenewalService>().RenewDueAsync());
        await using (var db = downgrade.CreateContext())
        {
            documents["annual-invoice"] = await db.Documents.Where(d => d.PlatformId == downgraded && d.Kind == DocumentKind.Invoice).OrderBy(d => d.Id).FirstAsync();
            documents["downgrade-credit-note"] = await db.Documents.SingleAsync(d => d.Id == downApplied.CreditNoteId);
            documents["downgrade-invoice"] = await db.Documents.SingleAsync(d => d.Id == downApplied.InvoiceId);
            documents["renewal-from-balance"] = await db.Documents.SingleAsync(d => d.PlatformId == downgraded && d.IdempotencyKey.StartsWith("renewal:"));
        }
    }

    public async Task DisposeAsync()
    {
        await upgrade.DisposeAsync();
        await downgrade.DisposeAsync();
    }

    [Fact]
    public void IssuedDocuments_OfEveryKind_EmbedXmlThatIsSchemaValidWithNoFatalEn16931Rule()
    {
        var xml = documents.ToDictionary(d => d.Key, d => FacturXReadBack.Of(d.Value.Pdf).Xml);

        var verdicts = CiiValidator.Validate(xml);

        Assert.Equal(documents.Keys.Order(), verdicts.Keys.Order());
        foreach (var (name, verdict) in verdicts)
        {
            Assert.True(verdict.SchemaValid, $"{name}: {verdict.Output}");
            Assert.True(verdict.Fatal == 0, $"{name}: {verdict.Output}");
        }
    }

    [Fact]
    public void IssuedDocuments_PageXmlAndRow_SayTheSameAmountsAndDates()
    {
        foreach (var (name, row) in documents)
        {
            var page = PdfReadBack.Of(row.Pdf).Flat;
            var xml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(FacturXReadBack.Of(row.Pdf).Xml));
            var totals = xml.Descendants(Ram + "SpecifiedTradeSettlementHeaderMonetarySummation").Single();
            decimal Total(string element) => decimal.Parse(totals.Element(Ram + element)!.Value, CultureInfo.InvariantCulture);

            // The XML against the row.
            Assert.Equal(row.Number, xml.Root!.Element(Rsm + "ExchangedDocument")!.Element(Ram + "ID")!.Value);
            Assert.Equal(row.Kind == DocumentKind.Invoice ? "380" : "381", xml.Descendants(Ram + "TypeCode").First().Value);
            Assert.Equal(row.IssueDate, Date(xml.Root!.Element(Rsm + "ExchangedDocument")!.Element(Ram + "IssueDateTime")!));
            Assert.Equal(Money.FromCents(row.TotalExcludingVatCents), Total("LineTotalAmount"));
            Assert.Equal(Money.FromCents(row.TotalExcludingVatCents), Total("TaxBasisTotalAmount"));
            Assert.Equal(Money.FromCents(row.VatCents), Total("TaxTotalAmount"));
            Assert.Equal(Money.FromCents(row.TotalIncludingVatCents), Total("GrandTotalAmount"));
            var period = xml.Root!.Descendants(Ram + "ApplicableHeaderTradeSettlement").Single().Element(Ram + "BillingSpecifiedPeriod")!;
            Assert.Equal(row.PeriodStart, Date(period.Element(Ram + "StartDateTime")!));
            Assert.Equal(row.PeriodEnd.AddDays(-1), Date(period.Element(Ram + "EndDateTime")!));
            if (row.Kind == DocumentKind.Invoice)
            {
                Assert.Equal(Money.FromCents(row.AmountDueCents), Total("DuePayableAmount"));
                Assert.Equal(Money.FromCents(row.TotalIncludingVatCents - row.AmountDueCents), Total("TotalPrepaidAmount"));
            }
            else
            {
                Assert.Equal((0m, Money.FromCents(row.TotalIncludingVatCents)), (Total("DuePayableAmount"), Total("TotalPrepaidAmount")));
            }

            // The page against the XML.
            Assert.Contains(row.Number, page);
            Assert.Contains(Text(row.IssueDate), page);
            Assert.Contains($"{Text(row.PeriodStart)} – {Text(row.PeriodEnd.AddDays(-1))}", page);
            Assert.Contains($"Total HT {Text(Total("LineTotalAmount"))}", page);
            Assert.Contains($"TVA {Text(Total("TaxTotalAmount"))}", page);
            Assert.Contains($"Total TTC {Text(Total("GrandTotalAmount"))}", page);
            if (xml.Descendants(Ram + "DueDateDateTime").SingleOrDefault() is { } due)
            {
                Assert.Contains($"Montant prélevé {Text(Total("DuePayableAmount"))}", page);
                Assert.Contains($"Date de prélèvement {Text(Date(due))}", page);
            }
            else
            {
                Assert.True(Total("DuePayableAmount") == 0m, $"{name}: nothing is debited, so nothing is due");
            }

            foreach (var note in xml.Descendants(Ram + "IncludedNote").Select(n => n.Element(Ram + "Content")!.Value))
            {
                Assert.Contains(Squash(note), Squash(page));
            }
        }
    }

    [Fact]
    public async Task IssuedCreditNotes_SayWhereTheirMoneyWent_OnThePageAndInTheXml()
    {
        var upgradeCredit = documents["upgrade-credit-note"];
        var upgradeInvoice = documents["upgrade-invoice"];
        var expected = $"Imputé sur la facture {upgradeInvoice.Number} du {Text(upgradeInvoice.IssueDate)} : {Text(Money.FromCents(upgradeCredit.TotalIncludingVatCents))}";
        Assert.Contains(expected, PdfReadBack.Of(upgradeCredit.Pdf).Flat);
        Assert.Contains(expected, Notes(upgradeCredit));

        var downCredit = documents["downgrade-credit-note"];
        var downInvoice = documents["downgrade-invoice"];
        var rest = downCredit.TotalIncludingVatCents - downInvoice.TotalIncludingVatCents;
        var page = PdfReadBack.Of(downCredit.Pdf).Flat;
        foreach (var mention in new[]
                 {
                     $"Imputé sur la facture {downInvoice.Number} du {Text(downInvoice.IssueDate)} : {Text(Money.FromCents(downInvoice.TotalIncludingVatCents))}",
                     $"Porté au crédit de votre compte : {Text(Money.FromCents(rest))}",
                 })
        {
            Assert.Contains(mention, page);
            Assert.Contains(mention, Notes(downCredit));
        }

        await using var db = downgrade.CreateContext();
        Assert.Equal(rest - documents["renewal-from-balance"].TotalIncludingVatCents,
            (await db.Platforms.SingleAsync(p => p.Id == downCredit.PlatformId)).BalanceCents);
    }

    [Fact]
    public void IssuedDocuments_CarryTheReformsMentionsAndTheBuyersIdentifiers()
    {
        foreach (var (name, row) in documents)
        {
            var page = PdfReadBack.Of(row.Pdf).Flat;
            var xml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(FacturXReadBack.Of(row.Pdf).Xml));
            var buyer = xml.Descendants(Ram + "BuyerTradeParty").Single();

            Assert.Contains("Nature de l'opération Prestations de services", page);
            Assert.DoesNotContain("Option pour le paiement de la TVA", page);
            Assert.Contains($"N° TVA {VatNumber}", page);
            Assert.Contains($"RNA {RnaNumber}", page);
            Assert.Equal(Siren, buyer.Element(Ram + "SpecifiedLegalOrganization")!.Element(Ram + "ID")!.Value);
            Assert.Equal("0002", buyer.Element(Ram + "SpecifiedLegalOrganization")!.Element(Ram + "ID")!.Attribute("schemeID")!.Value);
            Assert.Equal(VatNumber, buyer.Element(Ram + "SpecifiedTaxRegistration")!.Element(Ram + "ID")!.Value);
            Assert.Equal("EM", buyer.Element(Ram + "URIUniversalCommunication")!.Element(Ram + "URIID")!.Attribute("schemeID")!.Value);
            Assert.Equal("FR", buyer.Descendants(Ram + "CountryID").Single().Value);
            if (row.Kind == DocumentKind.Invoice)
            {
                Assert.True(page.Contains("Identifiant créancier SEPA (ICS) FR72ZZZ123456", StringComparison.Ordinal), $"{name} prints the ICS");
            }
        }
    }

    [Fact]
    public void IssuedDocuments_OfAPlatformServedElsewhere_PrintTheServiceAddressUnderItsLabelAndShipToIt()
    {
        foreach (var (name, row) in documents)
        {
            var page = PdfReadBack.Of(row.Pdf).Flat;
            var shipTo = XDocument.Parse(System.Text.Encoding.UTF8.GetString(FacturXReadBack.Of(row.Pdf).Xml))
                .Descendants(Ram + "ApplicableHeaderTradeDelivery").Single().Element(Ram + "ShipToTradeParty");
            // The upgraded platform gave a service address; the downgraded one did not.
            if (name is not ("upgrade-credit-note" or "upgrade-invoice" or "renewal-invoice"))
            {
                Assert.DoesNotContain("Adresse de réalisation", page);
                Assert.True(shipTo is null, $"{name}: the platform has no service address");
                continue;
            }

            // A French document: the French label, the address after it on the same row.
            Assert.Contains("Adresse de réalisation de la prestation Salle des fêtes, 2 rue Debelleyme, 75003 Paris, FR", page);
            Assert.DoesNotContain("Service address", page);
            var address = shipTo!.Element(Ram + "PostalTradeAddress")!;
            Assert.Equal(("75003", "Salle des fêtes, 2 rue Debelleyme", "Paris", "FR"),
                (address.Element(Ram + "PostcodeCode")!.Value, address.Element(Ram + "LineOne")!.Value, address.Element(Ram + "CityName")!.Value,
                    address.Element(Ram + "CountryID")!.Value));
        }
    }

    [Fact]
    public void IssuedDocuments_ArePdfA3WithTheXmlAsAnAlternativeAssociatedFile()
    {
        foreach (var (name, row) in documents)
        {
            var pdf = FacturXReadBack.Of(row.Pdf);
            using var document = UglyToad.PdfPig.PdfDocument.Open(row.Pdf);

            Assert.Equal("%PDF-1.7", pdf.Header);
            Assert.Equal([(FacturXPdf.FileName, (string?)"Alternative")], pdf.AssociatedFiles);
            Assert.Equal((FacturXPdf.FileName, "text/xml"), (pdf.EmbeddedFileName, pdf.EmbeddedSubtype));
            Assert.Equal(("GTS_PDFA1", "sRGB IEC61966-2.1", 3), (pdf.OutputIntentSubtype, pdf.OutputConditionIdentifier, pdf.IccComponents));
            Assert.Equal("acsp", System.Text.Encoding.ASCII.GetString(pdf.IccProfile, 36, 4));
            Assert.Equal("RGB ", System.Text.Encoding.ASCII.GetString(pdf.IccProfile, 16, 4));
            Assert.Equal(pdf.IccProfile.Length, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(pdf.IccProfile));

            var xmp = XDocument.Parse(pdf.Xmp);
            string Field(string ns, string local) => xmp.Descendants(XName.Get(local, ns)).Single().Value;
            Assert.Equal("3", Field("http://www.aiim.org/pdfa/ns/id/", "part"));
            Assert.Equal("B", Field("http://www.aiim.org/pdfa/ns/id/", "conformance"));
            const string fx = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";
            Assert.Equal(("INVOICE", "factur-x.xml", "1.0", "EN 16931"),
                (Field(fx, "DocumentType"), Field(fx, "DocumentFileName"), Field(fx, "Version"), Field(fx, "ConformanceLevel")));
            Assert.Equal(document.Information.Producer, Field("http://ns.adobe.com/pdf/1.3/", "Producer"));
            Assert.Equal(document.Information.Creator, Field("http://ns.adobe.com/xap/1.0/", "CreatorTool"));
            Assert.Equal(document.Information.Title, xmp.Descendants(XName.Get("title", "http://purl.org/dc/elements/1.1/")).Single().Value);

            Assert.NotEmpty(pdf.Fonts);
            Assert.All(pdf.Fonts, font => Assert.True(font.Embedded, $"{name}: {font.Name} is not embedded"));
            Assert.False(pdf.HasEncrypt, name);
            Assert.False(pdf.HasJavaScript, name);
        }
    }

    /// <param name="serviceAddress">Whether the service is delivered elsewhere than at the postal address.</param>
    private static async Task IdentifyAsync(TestDatabase database, ClaimsPrincipal admin, bool serviceAddress = false)
    {
        var settings = database.Get<OrganizationSettings>();
        var form = (await settings.GetAsync(admin))!.Form;
        form.AddressLine = "4 place des Vosges";
        form.PostalCode = "75004";
        form.City = "Paris";
        form.Country = "France";
        form.Siren = "732 829 320";
        form.VatNumber = "fr 44 732829320";
        form.Rna = "w751234567";
        form.BillingEmail = "treasurer@association.example";
        if (serviceAddress)
        {
            (form.ServiceAddressLine, form.ServicePostalCode, form.ServiceCity, form.ServiceCountry) = ("Salle des fêtes, 2 rue Debelleyme", "75003", "Paris", "France");
        }

        Assert.True((await settings.SaveAsync(admin, form)).Succeeded);
    }

    private static string Notes(BillingDocument row) =>
        string.Join("\n", XDocument.Parse(System.Text.Encoding.UTF8.GetString(FacturXReadBack.Of(row.Pdf).Xml))
            .Descendants(Ram + "IncludedNote").Select(n => n.Element(Ram + "Content")!.Value));

    private static DateOnly Date(XElement dateTime) =>
        DateOnly.ParseExact(dateTime.Element(Udt + "DateTimeString")!.Value, "yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Text(decimal amount) => DocumentWording.French.Money(amount).Replace('\u00A0', ' ');

    private static string Text(DateOnly date) => PdfFormat.Date(date);

    // The page wraps long sentences: compare them without their spacing.
    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}

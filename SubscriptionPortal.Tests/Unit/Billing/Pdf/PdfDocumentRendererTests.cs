using SubscriptionPortal.Billing.Pdf;
using Xunit;

namespace SubscriptionPortal.Tests.Unit.Billing.Pdf;

public sealed class PdfDocumentRendererTests
{
    // The renderer's A4 content box: 45 pt margins left and right.
    private const double ContentLeft = 45;
    private const double ContentRight = 595 - 45;

    // A valid 1×1 PNG, small enough to inline.
    private const string OnePixelPng =
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    private readonly PdfDocumentRenderer renderer = new();

    [Fact]
    public void Invoice_ReadBack_ContainsEveryMandatoryMention()
    {
        var text = PdfReadBack.Of(renderer.Render(BillingDocumentSamples.Invoice())).Flat;

        string[] mentions =
        [
            // Seller: name, address, SIREN, VAT number, legal form and capital.
            "Portail Associatif SAS", "12 rue de la République", "69002 Lyon",
            "SIREN 912 345 678", "VAT no. FR32 912345678", "SAS, share capital 10 000 €",

            // Buyer: name, address, SIREN and RNA.
            "Chorale du Marais — Société Œcuménique d'Été", "4 place des Vosges", "75004 Paris",
            "SIREN 823 456 789", "RNA W751234567",

            // Document: title, number, issue date, service period (last day inclusive).
            "Invoice", "Facture", "INVOICE NUMBER", "F-2026-000123", "ISSUE DATE", "10/03/2026",
            "SERVICE PERIOD", "10/03/2026 – 09/04/2026",

            // Lines: description, quantity, unit price HT, VAT rate, total HT.
            "Description", "Qty", "Unit price excl. VAT", "VAT", "Total HT",
            "Serenity subscription — up to 250 contacts, monthly commitment",

            // VAT by rate and totals.
            "VAT SUMMARY", "20 %", "VAT amount", "Total HT", "Total excl. VAT", "TVA", "Total TTC", "Total incl. VAT",

            // Payment terms: SEPA direct debit, mandate reference, collection date, account.
            "Payment terms", "SEPA direct debit", "Mandate reference", "RUM-CHM-2026-0001",
            "Collection date", "13/03/2026", "FR76 **** **** **** **** ***0 189", "Creditor identifier", "FR12ZZZ123456",
            "Paid from account balance",

            // Late-payment penalties and the €40 fixed recovery indemnity.
            "Late-payment penalties: three times the French legal interest rate.",
            "Fixed indemnity for recovery costs in case of late payment: 40 €",
        ];
        Assert.All(mentions, mention => Assert.Contains(mention, text));
    }

    [Fact]
    public void Invoice_ReadBack_ContainsEveryAmountAsFormatted()
    {
        var pdf = PdfReadBack.Of(renderer.Render(BillingDocumentSamples.Invoice()));

        // 40.00 four times: unit price, line total, VAT base, total HT.
        Assert.Equal(4, pdf.CountOccurrences("40.00 €"));

        // 8.00 twice (VAT by rate, total VAT), besides inside "48.00 €" (TTC).
        Assert.Equal(1, pdf.CountOccurrences("48.00 €"));
        Assert.Equal(2, pdf.CountOccurrences("8.00 €") - pdf.CountOccurrences("48.00 €"));

        // Paid from balance, then debited.
        Assert.Equal(1, pdf.CountOccurrences("12.50 €"));
        Assert.Equal(1, pdf.CountOccurrences("35.50 €"));
    }

    [Fact]
    public void AnnualInvoice_ReadBack_GroupsThousandsWithASpace()
    {
        var text = PdfReadBack.Of(renderer.Render(BillingDocumentSamples.AnnualInvoice())).Flat;

        Assert.Contains("1 440.00 €", text);
        Assert.Contains("288.00 €", text);
        Assert.Contains("1 728.00 €", text);
        Assert.Contains("10/03/2026 – 09/03/2027", text);
    }

    [Fact]
    public void Invoice_PaidEntirelyFromBalance_SaysNothingIsDebited()
    {
        var model = BillingDocumentSamples.Invoice() with
        {
            Payment = new PaymentDetails { PaidFromAccountBalance = 48.00m },
        };

        var text = PdfReadBack.Of(renderer.Render(model)).Flat;

        Assert.Contains("Aucun prélèvement", text);
        Assert.Contains("Nothing is debited", text);
        Assert.Contains("Paid from account balance 48.00 €", text);
        Assert.DoesNotContain("SEPA direct debit", text);
        Assert.DoesNotContain("Mandate reference", text);
    }

    [Fact]
    public void Invoice_SettledPartlyByItsCreditNote_NamesTheCreditNote()
    {
        var model = BillingDocumentSamples.Invoice() with
        {
            Payment = new PaymentDetails
            {
                SettledByCreditNote = new CreditNoteSettlement("A-2026-000042", 32.52m),
                DirectDebit = new SepaDirectDebitDetails("FR76 **** **** **** **** ***0 189", "RUM-CHM-2026-0001", new DateOnly(2026, 3, 13), 15.48m),
            },
        };

        var text = PdfReadBack.Of(renderer.Render(model)).Flat;

        Assert.Contains("Settled by credit note 32.52 € (A-2026-000042)", text);
        Assert.Contains("Amount debited 15.48 €", text);
    }

    [Theory]
    [InlineData("three times the French legal interest rate")]
    [InlineData("Late-payment penalties at three times the French legal interest rate.")]
    public void LatePaymentPenalties_ReadOnce_WhetherTheRateOrTheSentenceIsConfigured(string configured)
    {
        var model = BillingDocumentSamples.Invoice() with
        {
            Seller = BillingDocumentSamples.Seller with { LatePaymentPenaltyRate = configured },
        };

        var pdf = PdfReadBack.Of(renderer.Render(model));

        Assert.Equal(1, pdf.CountOccurrences("Late-payment penalties"));
        Assert.Contains("three times the French legal interest rate. Fixed indemnity", pdf.Flat);
    }

    [Fact]
    public void CreditNote_ReadBack_NamesTheCorrectedInvoiceAndTheReason()
    {
        var text = PdfReadBack.Of(renderer.Render(BillingDocumentSamples.CreditNote())).Flat;

        Assert.Contains("Credit note", text);
        Assert.Contains("Avoir", text);
        Assert.Contains("CREDIT NOTE NUMBER", text);
        Assert.Contains("A-2026-000042", text);
        Assert.Contains("Corrects invoice F-2026-000123 dated 10/03/2026", text);
        Assert.Contains("Motif / Reason : Change of subscription to Professional on 20/03/2026: the unused part of the current period is credited.", text);
        Assert.Contains("SIREN 912 345 678", text);
        Assert.Contains("Chorale du Marais — Société Œcuménique d'Été", text);
        Assert.DoesNotContain("Invoice", text);
    }

    [Fact]
    public void CreditNote_ReadBack_ContainsEveryAmountAndWhereTheCreditWent()
    {
        var text = PdfReadBack.Of(renderer.Render(BillingDocumentSamples.CreditNote())).Flat;

        Assert.Contains("27.10 €", text);
        Assert.Contains("5.42 €", text);
        Assert.Contains("32.52 €", text);
        Assert.Contains("20/03/2026 – 09/04/2026", text);
        Assert.Contains("Credited to account balance", text);
        Assert.Contains("Fixed indemnity for recovery costs in case of late payment: 40 €", text);
    }

    [Fact]
    public void LongDocument_BreaksAcrossPages_WithTheTableHeaderOnEachPage()
    {
        var pdf = PdfReadBack.Of(renderer.Render(BillingDocumentSamples.LongInvoice(60)));

        Assert.True(pdf.PageTexts.Count >= 2, $"expected several pages, got {pdf.PageTexts.Count}");
        Assert.All(pdf.PageTexts, page =>
        {
            Assert.Contains("Description", page);
            Assert.Contains("Period", page);
            Assert.Contains("Prix unitaire", page);
            Assert.Contains("Total HT", page);
        });
    }

    [Fact]
    public void LongDocument_ShowsTheTotalsOnce_OnTheLastPage()
    {
        var pdf = PdfReadBack.Of(renderer.Render(BillingDocumentSamples.LongInvoice(60)));

        var last = pdf.PageTexts.Count - 1;
        for (var i = 0; i < pdf.PageTexts.Count; i++)
        {
            var expected = i == last ? 1 : 0;
            Assert.Equal(expected, Count(pdf.PageTexts[i], "Total incl. VAT"));
            Assert.Equal(expected, Count(pdf.PageTexts[i], "VAT SUMMARY"));

            // TTC, and the same amount as the direct debit in the payment block.
            Assert.Equal(2 * expected, Count(pdf.PageTexts[i], "720.00 €"));
        }

        Assert.Contains("600.00 €", pdf.PageTexts[last]);
        Assert.Contains("120.00 €", pdf.PageTexts[last]);
    }

    [Fact]
    public void LongDocument_ShowsEveryLineExactlyOnce()
    {
        var pdf = PdfReadBack.Of(renderer.Render(BillingDocumentSamples.LongInvoice(60)));

        for (var line = 1; line <= 60; line++)
        {
            Assert.Equal(1, pdf.CountOccurrences($"Line {line:00} — "));
        }
    }

    [Fact]
    public void LongDocument_NumbersEachPage_AsPageOverCount()
    {
        var pdf = PdfReadBack.Of(renderer.Render(BillingDocumentSamples.LongInvoice(60)));

        var count = pdf.PageTexts.Count;
        for (var i = 0; i < count; i++)
        {
            Assert.Contains($"{i + 1}/{count}", pdf.PageTexts[i]);
        }
    }

    [Fact]
    public void LongDocument_RepeatsWhoIssuedWhat_OnContinuationPages()
    {
        var pdf = PdfReadBack.Of(renderer.Render(BillingDocumentSamples.LongInvoice(60)));

        Assert.All(pdf.PageTexts.Skip(1), page => Assert.Contains("Invoice F-2026-000200 · 10/03/2026 (continued)", page));
    }

    [Fact]
    public void LongDocument_KeepsEveryLetterInsideThePageMargins()
    {
        var pdf = PdfReadBack.Of(renderer.Render(BillingDocumentSamples.LongInvoice(60)));

        Assert.All(pdf.Pages, AssertInsideMargins);
    }

    [Fact]
    public void AccentedNamesAndEuroSign_ReadBackUnchanged()
    {
        var model = BillingDocumentSamples.Invoice() with
        {
            Buyer = BillingDocumentSamples.Buyer with
            {
                Name = "Chorale du Marais — Société Œcuménique d'Été",
                AddressLines = ["Cœur de l'Île, 3 quai d'Orléans", "75004 Paris"],
            },
        };

        var text = PdfReadBack.Of(renderer.Render(model)).Flat;

        Assert.Contains("Chorale du Marais — Société Œcuménique d'Été", text);
        Assert.Contains("Cœur de l'Île, 3 quai d'Orléans", text);
        Assert.Contains("10 000 €", text);
        Assert.Contains("48.00 €", text);
    }

    [Fact]
    public void VeryLongAssociationName_WrapsInsideTheBuyerPanel()
    {
        var model = BillingDocumentSamples.Invoice() with
        {
            Buyer = BillingDocumentSamples.Buyer with
            {
                Name = "Association Départementale des Chorales, Fanfares et Harmonies du Val-de-Marne et Limitrophes",
            },
        };

        var page = PdfReadBack.Of(renderer.Render(model)).Pages.Single();

        var nameLetters = BuyerNameLetters(page);
        Assert.Contains("Limitrophes", string.Concat(nameLetters.Select(l => l.Value)));
        Assert.All(nameLetters, letter =>
        {
            Assert.InRange(letter.BoundingBox.Left, 320 - 0.5, ContentRight - 10 + 0.5);
            Assert.InRange(letter.BoundingBox.Right, 320 - 0.5, ContentRight - 10 + 0.5);
        });
        Assert.True(nameLetters.Select(l => Math.Round(l.StartBaseLine.Y)).Distinct().Count() >= 3, "the name should take several lines");
        AssertInsideMargins(page);
    }

    [Fact]
    public void UnbrokenWordLongerThanTheLine_IsCutRatherThanOverflowing()
    {
        var model = BillingDocumentSamples.Invoice() with
        {
            Buyer = BillingDocumentSamples.Buyer with { Name = string.Concat(Enumerable.Repeat("Associationdesamisdelamusique", 3)) },
        };

        var page = PdfReadBack.Of(renderer.Render(model)).Pages.Single();

        var nameLetters = BuyerNameLetters(page);
        Assert.Equal(3 * "Associationdesamisdelamusique".Length, nameLetters.Count);
        Assert.All(nameLetters, letter => Assert.True(letter.BoundingBox.Right <= ContentRight - 10 + 0.5, $"'{letter.Value}' overflows at {letter.BoundingBox.Right}"));
    }

    [Fact]
    public void Render_SameModelTwice_GivesIdenticalBytes()
    {
        var first = renderer.Render(BillingDocumentSamples.LongInvoice(60));
        var second = new PdfDocumentRenderer().Render(BillingDocumentSamples.LongInvoice(60));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Render_DatesTheDocument_WithItsIssueDate()
    {
        var information = PdfReadBack.Of(renderer.Render(BillingDocumentSamples.CreditNote())).Information;

        Assert.Equal(new DateTimeOffset(2026, 3, 20, 0, 0, 0, TimeSpan.Zero), information.GetCreatedDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 3, 20, 0, 0, 0, TimeSpan.Zero), information.GetModifiedDateTimeOffset());
        Assert.Equal("Avoir / Credit note A-2026-000042", information.Title);
    }

    [Fact]
    public void OnePageInvoice_IsA4_AndSmallerThan26KB()
    {
        var bytes = renderer.Render(BillingDocumentSamples.Invoice());

        var page = PdfReadBack.Of(bytes).Pages.Single();
        Assert.Equal(595, page.Width, 0);
        Assert.Equal(842, page.Height, 0);
        Assert.True(bytes.Length < 26 * 1024, $"{bytes.Length} bytes");
    }

    [Fact]
    public void Render_EmbedsTheShippedFont()
    {
        var page = PdfReadBack.Of(renderer.Render(BillingDocumentSamples.Invoice())).Pages.Single();

        Assert.All(page.Letters, letter => Assert.Contains("DejaVu", letter.FontName, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_FromManyThreadsAtOnce_GivesTheSameBytesAsOneByOne()
    {
        BillingDocumentModel[] models =
        [
            BillingDocumentSamples.Invoice(), BillingDocumentSamples.CreditNote(),
            BillingDocumentSamples.AnnualInvoice(), BillingDocumentSamples.LongInvoice(25),
        ];
        var expected = models.Select(renderer.Render).ToArray();

        var actual = new byte[32][];
        Parallel.For(0, actual.Length, i => actual[i] = new PdfDocumentRenderer().Render(models[i % models.Length]));

        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % models.Length], actual[i]);
        }
    }

    [Fact]
    public void Render_OneRendererFromManyThreads_GivesEachNumberItsOwnDocument()
    {
        // As a batch of renewals renders: one shared renderer, documents that differ by their number.
        var models = Enumerable.Range(1, 24)
            .Select(n => BillingDocumentSamples.Invoice() with { Number = $"F-2026-{n:D6}" })
            .ToArray();
        var expected = models.Select(renderer.Render).ToArray();

        var actual = new byte[models.Length][];
        Parallel.For(0, models.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = renderer.Render(models[i]));

        for (var i = 0; i < models.Length; i++)
        {
            Assert.Equal(expected[i], actual[i]);
            Assert.Contains(models[i].Number, PdfReadBack.Of(actual[i]).Flat);
        }
    }

    [Fact]
    public void Seller_WithoutLogoFile_GetsADrawnMonogram()
    {
        var page = PdfReadBack.Of(renderer.Render(BillingDocumentSamples.Invoice())).Pages.Single();

        Assert.Equal(0, page.ImageCount);
        Assert.Equal("PA", PdfLogo.Initials(BillingDocumentSamples.Seller));
    }

    [Fact]
    public void Seller_WithLogoFile_GetsTheImage()
    {
        var path = Path.Combine(Path.GetTempPath(), $"seller-logo-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(path, Convert.FromBase64String(OnePixelPng));
        try
        {
            var model = BillingDocumentSamples.Invoice() with
            {
                Seller = BillingDocumentSamples.Seller with { LogoPath = path },
            };

            var page = PdfReadBack.Of(renderer.Render(model)).Pages.Single();

            Assert.Equal(1, page.ImageCount);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void CreditNote_WithoutTheCorrectedInvoice_IsRejected()
    {
        var model = BillingDocumentSamples.CreditNote() with { CorrectedInvoice = null };

        Assert.Throws<ArgumentException>(() => renderer.Render(model));
    }

    [Fact]
    public void Invoice_WithoutPaymentTerms_IsRejected()
    {
        var model = BillingDocumentSamples.Invoice() with { Payment = null };

        Assert.Throws<ArgumentException>(() => renderer.Render(model));
    }

    [Fact]
    public void Document_WithAnotherCurrency_IsRejected()
    {
        var model = BillingDocumentSamples.Invoice() with { Currency = "USD" };

        Assert.Throws<ArgumentException>(() => renderer.Render(model));
    }

    private static List<UglyToad.PdfPig.Content.Letter> BuyerNameLetters(PdfReadBack.PageLetters page) =>
        page.Letters
            .Where(l => l.FontName?.Contains("Bold", StringComparison.Ordinal) == true && Math.Abs(l.PointSize - 10) < 0.05)
            .Where(l => !string.IsNullOrWhiteSpace(l.Value))
            .ToList();

    private static void AssertInsideMargins(PdfReadBack.PageLetters page)
    {
        Assert.All(page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)), letter =>
        {
            Assert.True(letter.BoundingBox.Left >= ContentLeft - 0.5, $"'{letter.Value}' starts at {letter.BoundingBox.Left}");
            Assert.True(letter.BoundingBox.Right <= ContentRight + 0.5, $"'{letter.Value}' ends at {letter.BoundingBox.Right}");
        });
    }

    private static int Count(string text, string value) =>
        text.Split(value).Length - 1;
}

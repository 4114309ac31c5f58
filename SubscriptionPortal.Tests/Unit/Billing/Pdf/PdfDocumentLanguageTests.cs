using SubscriptionPortal.Billing;
using SubscriptionPortal.Billing.Pdf;
using SubscriptionPortal.Tests.Unit.Billing.EInvoicing;

namespace SubscriptionPortal.Tests.Unit.Billing.Pdf;

public sealed class PdfDocumentLanguageTests
{
    // English labels of the documents; none may appear on a French one (the line descriptions are data, left out here).
    private static readonly string[] EnglishLabels =
    [
        "Invoice", "Credit note", "SELLER", "BILLED TO", "VAT no.", "share capital", "INVOICE NUMBER", "CREDIT NOTE NUMBER",
        "ISSUE DATE", "SERVICE PERIOD", "Description", "Qty", "Unit price", "VAT SUMMARY", "Rate", "VAT amount",
        "Total excl. VAT", "Total incl. VAT", "PAYMENT", "SETTLEMENT", "Payment terms", "SEPA direct debit", "Amount debited",
        "Collection date", "Debited account", "Mandate reference", "Creditor identifier", "Paid from account balance",
        "Corrects invoice", "Reason", "Late-payment penalties", "Fixed indemnity", "No discount", "Nature of the operation",
        "Credited to", "account balance is applied", "Services",
    ];

    private readonly PdfDocumentRenderer renderer = new();

    [Fact]
    public void FrenchInvoice_ReadBack_IsEntirelyInFrenchWithFrenchAmounts()
    {
        var text = PdfReadBack.Of(renderer.Render(French(BillingDocumentSamples.Invoice()))).Flat;

        Assert.All(
            [
                "Facture", "VENDEUR", "CLIENT", "N° TVA FR32 912345678", "SAS au capital de 10 000 €", "N° DE FACTURE F-2026-000123",
                "DATE D'ÉMISSION", "PÉRIODE", "Désignation", "Période", "Quantité", "Prix unitaire", "TVA", "Total HT",
                "RÉCAPITULATIF TVA", "Taux", "Base HT", "Montant TVA", "Total TTC 48,00 €", "RÈGLEMENT", "Mode de paiement Prélèvement SEPA",
                "Payé par le crédit du compte 12,50 €", "Montant prélevé 35,50 €", "Date de prélèvement 13/03/2026",
                "Compte prélevé (IBAN)", "Référence du mandat (RUM) RUM-CHM-2026-0001", "Identifiant créancier SEPA (ICS) FR12ZZZ123456",
                "Nature de l'opération Prestations de services",
                "Pénalités de retard : trois fois le taux d'intérêt légal.",
                "indemnité forfaitaire pour frais de recouvrement de 40 €", "Pas d'escompte pour paiement anticipé.",
            ],
            mention => Assert.Contains(mention, text));
        Assert.All(EnglishLabels, label => Assert.DoesNotContain(label, text, StringComparison.Ordinal));
        Assert.Contains("40,00 €", text);
        Assert.DoesNotContain("40.00", text);
    }

    [Fact]
    public void FrenchCreditNote_ReadBack_IsEntirelyInFrench()
    {
        var text = PdfReadBack.Of(renderer.Render(French(BillingDocumentSamples.CreditNote()))).Flat;

        Assert.All(
            [
                "Avoir", "N° D'AVOIR A-2026-000042", "Rectifie la facture F-2026-000123 du 10/03/2026", "Motif : Change of subscription",
                "IMPUTATION", "Crédit au compte", "Porté au crédit de votre compte : 32,52 €",
                "Le crédit du compte est imputé en priorité sur les factures suivantes.", "Total HT", "Total TTC 32,52 €",
                "indemnité forfaitaire pour frais de recouvrement de 40 €",
            ],
            mention => Assert.Contains(mention, text));
        Assert.All(EnglishLabels, label => Assert.DoesNotContain(label, text, StringComparison.Ordinal));
        Assert.DoesNotContain("Facture", text);
    }

    [Fact]
    public void EnglishInvoice_ReadBack_GivesEachLabelInFrenchThenInEnglish()
    {
        var pdf = PdfReadBack.Of(renderer.Render(BillingDocumentSamples.Invoice() with { Language = BillingLanguage.English }));
        var text = pdf.Flat;

        foreach (var (french, english) in new[]
                 {
                     ("Facture", "Invoice"), ("VENDEUR / SELLER", "CLIENT / BILLED TO"), ("N° DE FACTURE", "INVOICE NUMBER"),
                     ("DATE D'ÉMISSION", "ISSUE DATE"), ("Désignation", "Description"), ("Quantité", "Qty"),
                     ("RÉCAPITULATIF TVA", "VAT SUMMARY"), ("Total TTC", "Total incl. VAT"), ("Mode de paiement", "Payment terms"),
                     ("Prélèvement SEPA", "SEPA direct debit"), ("Date de prélèvement", "Collection date"),
                     ("Pénalités de retard", "Late-payment penalties"),
                     ("indemnité forfaitaire pour frais de recouvrement de 40 €", "Fixed indemnity for recovery costs in case of late payment: 40 €"),
                     ("Nature de l'opération", "Nature of the operation"),
                 })
        {
            var frenchAt = text.IndexOf(french, StringComparison.Ordinal);
            var englishAt = text.IndexOf(english, StringComparison.Ordinal);
            Assert.True(frenchAt >= 0, $"missing « {french} »");
            Assert.True(englishAt > frenchAt, $"« {english} » is not after « {french} »");
        }

        Assert.Equal(1, pdf.CountOccurrences("48.00 €"));
        Assert.DoesNotContain("48,00", text);
        Assert.Equal("Facture / Invoice F-2026-000123", pdf.Information.Title);
    }

    [Fact]
    public void EnglishCreditNote_ReadBack_GivesEachLabelInFrenchThenInEnglish()
    {
        var text = PdfReadBack.Of(renderer.Render(BillingDocumentSamples.CreditNote() with { Language = BillingLanguage.English })).Flat;

        Assert.True(text.IndexOf("Avoir", StringComparison.Ordinal) < text.IndexOf("Credit note", StringComparison.Ordinal));
        Assert.True(text.IndexOf("Rectifie la facture F-2026-000123", StringComparison.Ordinal)
            < text.IndexOf("Corrects invoice F-2026-000123", StringComparison.Ordinal));
        Assert.Contains("Porté au crédit de votre compte : 32.52 €", text);
        Assert.Contains("Credited to your account balance: 32.52 €", text);
    }

    [Theory]
    [InlineData(BillingLanguage.French)]
    [InlineData(BillingLanguage.English)]
    public void EveryLanguage_TheLongestFields_StayWithinThePage(string language)
    {
        foreach (var model in new[] { MaximalSamples.Invoice(), MaximalSamples.CreditNote(), BillingDocumentSamples.LongInvoice(40) })
        {
            var pdf = PdfReadBack.Of(renderer.Render(model with { Language = language }));

            Assert.Empty(pdf.Pages.SelectMany(page => PdfLayout.Problems(page)));
            Assert.Empty(MandatoryMentions.Missing(pdf, MandatoryMentions.Of(model with { Language = language })));
        }
    }

    [Fact]
    public void Render_UnknownLanguage_IsABugInTheCaller()
    {
        Assert.Throws<ArgumentException>(() => renderer.Render(BillingDocumentSamples.Invoice() with { Language = "de-DE" }));
    }

    [Fact]
    public void FrenchAndEnglish_SameDocument_CarryTheSameEInvoiceXml()
    {
        var french = FacturXReadBack.Of(renderer.Render(French(BillingDocumentSamples.Invoice()))).Xml;
        var english = FacturXReadBack.Of(renderer.Render(BillingDocumentSamples.Invoice() with { Language = BillingLanguage.English })).Xml;

        Assert.Equal(french, english);
    }

    private static BillingDocumentModel French(BillingDocumentModel model) => model with { Language = BillingLanguage.French };
}

using SubscriptionPortal.Billing;
using SubscriptionPortal.Billing.Pdf;
using SubscriptionPortal.Common;

namespace SubscriptionPortal.Tests.Unit.Billing.Pdf;

/// <summary>
/// Ready-made document models for the renderer's tests. Amounts are written out by hand, as the
/// billing engine would hand them over, since the renderer must not compute any of them.
/// </summary>
internal static class BillingDocumentSamples
{
    public static SellerDetails Seller { get; } = new()
    {
        Name = "Portail Associatif SAS",
        AddressLines = ["12 rue de la République", "69002 Lyon", "France"],
        Siren = "912 345 678",
        VatNumber = "FR32 912345678",
        LegalForm = "SAS",
        ShareCapital = "10 000 €",
        LatePaymentPenaltyRate = "three times the French legal interest rate",
        SepaCreditorIdentifier = "FR12ZZZ123456",
    };

    public static BuyerDetails Buyer { get; } = new()
    {
        Name = "Chorale du Marais — Société Œcuménique d'Été",
        AddressLines = ["4 place des Vosges", "75004 Paris", "France"],
        Rna = "W751234567",
        Siren = "823 456 789",
    };

    /// <summary>Serenity 250 contacts, monthly: 40.00 € HT, 8.00 € VAT, 48.00 € TTC, partly paid from balance.</summary>
    public static BillingDocumentModel Invoice() => new()
    {
        Kind = DocumentKind.Invoice,
        Number = "F-2026-000123",
        IssueDate = new DateOnly(2026, 3, 10),
        Seller = Seller,
        Buyer = Buyer,
        ServicePeriod = new BillingPeriod(new DateOnly(2026, 3, 10), new DateOnly(2026, 4, 10)),
        Lines =
        [
            new BillingLine(
                "Serenity subscription — up to 250 contacts, monthly commitment",
                new BillingPeriod(new DateOnly(2026, 3, 10), new DateOnly(2026, 4, 10)),
                1,
                40.00m,
                40.00m),
        ],
        VatSummary = [VatAmounts.FromExcludingVat(40.00m, 0.20m)],
        Totals = VatAmounts.FromExcludingVat(40.00m, 0.20m),
        Payment = new PaymentDetails
        {
            PaidFromAccountBalance = 12.50m,
            DirectDebit = new SepaDirectDebitDetails(
                "FR76 **** **** **** **** ***0 189",
                "RUM-CHM-2026-0001",
                new DateOnly(2026, 3, 13),
                35.50m),
        },
    };

    /// <summary>Annual Professional 1 000: 1 440.00 € HT, 288.00 € VAT, 1 728.00 € TTC, a thousands separator in every amount.</summary>
    public static BillingDocumentModel AnnualInvoice() => Invoice() with
    {
        Number = "F-2026-000124",
        Lines =
        [
            new BillingLine(
                "Professional subscription — up to 1 000 contacts, annual commitment (save 20 %)",
                new BillingPeriod(new DateOnly(2026, 3, 10), new DateOnly(2027, 3, 10)),
                1,
                1440.00m,
                1440.00m),
        ],
        ServicePeriod = new BillingPeriod(new DateOnly(2026, 3, 10), new DateOnly(2027, 3, 10)),
        VatSummary = [VatAmounts.FromExcludingVat(1440.00m, 0.20m)],
        Totals = VatAmounts.FromExcludingVat(1440.00m, 0.20m),
        Payment = new PaymentDetails
        {
            DirectDebit = new SepaDirectDebitDetails(
                "FR76 **** **** **** **** ***0 189",
                "RUM-CHM-2026-0001",
                new DateOnly(2026, 3, 13),
                1728.00m),
        },
    };

    /// <summary>Credit for the unused 21 of 31 days of a 40.00 € HT period: 27.10 € HT, 5.42 € VAT, 32.52 € TTC.</summary>
    public static BillingDocumentModel CreditNote() => new()
    {
        Kind = DocumentKind.CreditNote,
        Number = "A-2026-000042",
        IssueDate = new DateOnly(2026, 3, 20),
        Seller = Seller,
        Buyer = Buyer,
        ServicePeriod = new BillingPeriod(new DateOnly(2026, 3, 20), new DateOnly(2026, 4, 10)),
        Lines =
        [
            new BillingLine(
                "Unused part of Serenity subscription — up to 250 contacts, monthly commitment",
                new BillingPeriod(new DateOnly(2026, 3, 20), new DateOnly(2026, 4, 10)),
                1,
                27.10m,
                27.10m),
        ],
        VatSummary = [VatAmounts.FromExcludingVat(27.10m, 0.20m)],
        Totals = VatAmounts.FromExcludingVat(27.10m, 0.20m),
        Payment = new PaymentDetails { CreditedToAccountBalance = 32.52m },
        CorrectedInvoice = new CorrectedInvoiceReference(
            "F-2026-000123",
            new DateOnly(2026, 3, 10),
            "Change of subscription to Professional on 20/03/2026: the unused part of the current period is credited."),
    };

    /// <summary>An invoice of <paramref name="lineCount"/> lines of 10.00 € HT each, to force page breaks.</summary>
    public static BillingDocumentModel LongInvoice(int lineCount = 60)
    {
        var lines = Enumerable.Range(1, lineCount)
            .Select(i => new BillingLine(
                $"Line {i:00} — additional contacts pack for the events module",
                new BillingPeriod(new DateOnly(2026, 3, 10), new DateOnly(2026, 4, 10)),
                2,
                5.00m,
                10.00m))
            .ToArray();
        var totals = VatAmounts.FromExcludingVat(10.00m * lineCount, 0.20m);
        return Invoice() with
        {
            Number = "F-2026-000200",
            Lines = lines,
            VatSummary = [totals],
            Totals = totals,
            Payment = new PaymentDetails
            {
                DirectDebit = new SepaDirectDebitDetails(
                    "FR76 **** **** **** **** ***0 189",
                    "RUM-CHM-2026-0001",
                    new DateOnly(2026, 3, 13),
                    totals.IncludingVat),
            },
        };
    }
}

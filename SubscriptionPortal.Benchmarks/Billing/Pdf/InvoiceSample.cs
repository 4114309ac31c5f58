using SubscriptionPortal.Billing;
using SubscriptionPortal.Billing.Pdf;
using SubscriptionPortal.Common;

namespace SubscriptionPortal.Benchmarks.Billing.Pdf;

/// <summary>
/// A realistic one-line invoice, as the engine hands it to the renderer after a change to Serenity 250
/// monthly, with everything its Factur-X XML carries: both parties' identifiers and addresses, the ICS.
/// </summary>
internal static class InvoiceSample
{
    /// <param name="number">The document number.</param>
    /// <param name="logoFile">Print the logo file copied beside the binaries instead of the drawn monogram.</param>
    public static BillingDocumentModel OneLine(string number, bool logoFile = false)
    {
        var period = new BillingPeriod(new DateOnly(2026, 3, 20), new DateOnly(2026, 4, 20));
        return new BillingDocumentModel
        {
            Kind = DocumentKind.Invoice,
            Number = number,
            IssueDate = new DateOnly(2026, 3, 20),
            Seller = new SellerDetails
            {
                Name = "SubscriptionPortal SAS",
                AddressLines = ["12 rue des Associations", "75004 Paris", "France"],
                Address = new PostalAddress { Line = "12 rue des Associations", PostalCode = "75004", City = "Paris", CountryCode = "FR" },
                SepaCreditorIdentifier = "FR72ZZZ123456",
                Siren = "732829320",
                VatNumber = "FR44732829320",
                LegalForm = "SAS",
                ShareCapital = "50 000 €",
                LatePaymentPenaltyRate = "Late-payment penalties at three times the French legal interest rate, from the day after the collection date.",
                LogoPath = logoFile ? Path.Combine(AppContext.BaseDirectory, "seller-logo.png") : null,
            },
            Buyer = new BuyerDetails
            {
                Name = "Chorale du Marais",
                AddressLines = ["4 place des Vosges", "75004 Paris", "France"],
                Siren = "552100554",
                VatNumber = "FR96552100554",
                Rna = "W751234567",
                Email = "treasurer@chorale.example",
                Address = new PostalAddress { Line = "4 place des Vosges", PostalCode = "75004", City = "Paris", CountryCode = "FR" },
            },
            ServicePeriod = period,
            Lines = [new BillingLine("Serenity — up to 250 contacts — monthly", period, 1, 40.00m, 40.00m)],
            VatSummary = [VatAmounts.FromExcludingVat(40.00m, 0.20m)],
            Totals = VatAmounts.FromExcludingVat(40.00m, 0.20m),
            Payment = new PaymentDetails
            {
                SettledByCreditNote = new CreditNoteSettlement("A-2026-000042", 32.52m),
                DirectDebit = new SepaDirectDebitDetails("FR76 **** **** **** **** ***0 189", "BENCH-42", new DateOnly(2026, 3, 23), 15.48m),
            },
        };
    }
}

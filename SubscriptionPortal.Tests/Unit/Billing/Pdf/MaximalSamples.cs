using SubscriptionPortal.Billing.Pdf;

namespace SubscriptionPortal.Tests.Unit.Billing.Pdf;

/// <summary>
/// Documents whose buyer has every field at its limit, in the widest characters the fonts print and in
/// words longer than any line: the worst a user can type since the limits exist.
/// </summary>
internal static class MaximalSamples
{
    /// <summary>Every buyer value at its <see cref="FieldLimits"/> maximum.</summary>
    public static BuyerDetails Buyer { get; } = new()
    {
        // One unbreakable word of the widest capital, after a short ordinary start.
        Name = "Association " + new string('W', FieldLimits.PlatformName - "Association ".Length),
        AddressLines =
        [
            new string('W', FieldLimits.AddressLine),
            string.Concat(Enumerable.Repeat("Bâtiment Œ ", 10))[..FieldLimits.AddressLine],
            new string('@', FieldLimits.AddressLine),
            new string('9', FieldLimits.PostalCode) + " " + new string('Ш', FieldLimits.City),
            new string('M', FieldLimits.Country),
        ],
        Siren = "823 456 789",
        Rna = "W751234567",
        VatNumber = "FR32823456789",
    };

    public static BillingDocumentModel Invoice() => BillingDocumentSamples.Invoice() with
    {
        Buyer = Buyer,
        Payment = new PaymentDetails
        {
            PaidFromAccountBalance = 2.50m,
            SettledByCreditNote = new CreditNoteSettlement("A-2026-000042", 10.00m),
            DirectDebit = new SepaDirectDebitDetails("FR76 **** **** **** **** ***0 189", "RUM-CHM-2026-0001", new DateOnly(2026, 3, 13), 35.50m),
        },
    };

    public static BillingDocumentModel CreditNote() => BillingDocumentSamples.CreditNote() with { Buyer = Buyer };

    /// <summary>A buyer saved before the limits existed: a 3,000-character address on one line, a 300-character name.</summary>
    public static BuyerDetails LegacyBuyer { get; } = new()
    {
        Name = string.Concat(Enumerable.Repeat("Chorale ", 40)).Trim(),
        AddressLines = [string.Concat(Enumerable.Repeat("12 rue du Faubourg Saint-Antoine ", 100))[..3000], "75011 Paris", "France"],
        Siren = "823 456 789",
    };
}

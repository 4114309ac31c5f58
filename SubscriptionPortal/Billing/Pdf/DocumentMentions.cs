namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// The legal sentences a document carries, written once so that the page and the e-invoice's
/// notes say exactly the same thing. They are French, the language of the law, whatever the
/// document's language (an English document prints its translation beneath, <see cref="DocumentLabels"/>),
/// so that the e-invoice does not depend on the language; amounts and dates in the French way.
/// </summary>
internal static class DocumentMentions
{
    // €40 is fixed by the French Commercial Code (art. D441-5), not a seller setting.
    public const string RecoveryIndemnity =
        "En cas de retard de paiement, indemnité forfaitaire pour frais de recouvrement de 40 € (Code de commerce, art. L441-10 et D441-5).";

    public const string NoEarlyPaymentDiscount = "Pas d'escompte pour paiement anticipé.";

    /// <summary>The nature of the operation, a mention of the e-invoicing reform: everything sold here is a service.</summary>
    public const string OperationNature = "Prestations de services";

    /// <summary>Printed only when the seller opted to pay VAT on debits.</summary>
    public const string VatOnDebits = "Option pour le paiement de la TVA d'après les débits";

    /// <summary>Where the credit went: « Imputé sur la facture F-… du … : 12,00 € ».</summary>
    public static string Imputation(CreditNoteImputation imputation) =>
        DocumentWording.FrenchOf(DocumentLabels.Imputation, imputation.InvoiceNumber,
            DocumentWording.French.Date(imputation.InvoiceIssueDate), DocumentWording.French.Money(imputation.Amount));

    /// <summary>Where the rest of the credit went: « Porté au crédit de votre compte : 8,00 € ».</summary>
    public static string CreditedToAccount(decimal amount) =>
        DocumentWording.FrenchOf(DocumentLabels.CreditedToAccountValue, DocumentWording.French.Money(amount));

    /// <summary>The French rate, configured as the rate alone or as the whole sentence; either reads once.</summary>
    public static string LatePaymentPenaltiesFrench(SellerDetails seller)
    {
        var text = seller.LatePaymentPenaltyRateFrench.Trim().TrimEnd('.');
        return text.StartsWith("Pénalités de retard", StringComparison.OrdinalIgnoreCase)
            ? text + "."
            : $"Pénalités de retard : {text}.";
    }

    /// <summary>The rate may be configured as the rate alone or as the whole sentence; either reads once.</summary>
    public static string LatePaymentPenalties(SellerDetails seller)
    {
        var text = seller.LatePaymentPenaltyRate.Trim().TrimEnd('.');
        return text.StartsWith("Late-payment penalties", StringComparison.OrdinalIgnoreCase)
            ? text + "."
            : $"Late-payment penalties: {text}.";
    }
}

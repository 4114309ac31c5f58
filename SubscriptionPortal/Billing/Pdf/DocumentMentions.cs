namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// The legal sentences a document carries, written once so that the page and the e-invoice's
/// notes say exactly the same thing.
/// </summary>
internal static class DocumentMentions
{
    // €40 is fixed by the French Commercial Code (art. D441-5), not a seller setting.
    public const string RecoveryIndemnity =
        "Fixed indemnity for recovery costs in case of late payment: 40 € (French Commercial Code, art. L441-10 and D441-5).";

    public const string NoEarlyPaymentDiscount = "No discount for early payment.";

    /// <summary>The nature of the operation, a mention of the e-invoicing reform: everything sold here is a service.</summary>
    public const string OperationNature = "Prestations de services";

    /// <summary>Printed only when the seller opted to pay VAT on debits.</summary>
    public const string VatOnDebits = "Option pour le paiement de la TVA d'après les débits";

    /// <summary>Where the credit went: « Imputé sur la facture F-… du … : 12.00 € ».</summary>
    public static string Imputation(CreditNoteImputation imputation) =>
        $"Imputé sur la facture {imputation.InvoiceNumber} du {PdfFormat.Date(imputation.InvoiceIssueDate)} : {PdfFormat.Money(imputation.Amount)}";

    /// <summary>Where the rest of the credit went: « Porté au crédit de votre compte : 8.00 € ».</summary>
    public static string CreditedToAccount(decimal amount) =>
        $"Porté au crédit de votre compte : {PdfFormat.Money(amount)}";

    /// <summary>The rate may be configured as the rate alone or as the whole sentence; either reads once.</summary>
    public static string LatePaymentPenalties(SellerDetails seller)
    {
        var text = seller.LatePaymentPenaltyRate.Trim().TrimEnd('.');
        return text.StartsWith("Late-payment penalties", StringComparison.OrdinalIgnoreCase)
            ? text + "."
            : $"Late-payment penalties: {text}.";
    }
}

namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// The seller's legal identity printed on every document, bound from the "Seller" configuration section.
/// Settable properties with defaults so the configuration binder and options validation can fill it.
/// </summary>
public sealed record SellerDetails
{
    public string Name { get; init; } = "";

    public IReadOnlyList<string> AddressLines { get; init; } = [];

    /// <summary>SIREN, 9 digits, printed as configured (e.g. "912 345 678").</summary>
    public string Siren { get; init; } = "";

    /// <summary>Intra-community VAT number (e.g. "FR32 912345678").</summary>
    public string VatNumber { get; init; } = "";

    /// <summary>Legal form, e.g. "SAS".</summary>
    public string LegalForm { get; init; } = "";

    /// <summary>Share capital as printed, with its currency (e.g. "10 000 €").</summary>
    public string ShareCapital { get; init; } = "";

    /// <summary>
    /// The late-payment penalty rate, e.g. "three times the French legal interest rate", printed after
    /// "Late-payment penalties:"; a full sentence starting with "Late-payment penalties" is printed as is.
    /// </summary>
    public string LatePaymentPenaltyRate { get; init; } = "";

    /// <summary>
    /// SEPA creditor identifier (ICS), printed on every invoice (an invoice is the debit's
    /// pre-notification). Filled from <c>Creditor:Identifier</c> when the Seller section has none.
    /// </summary>
    public string? SepaCreditorIdentifier { get; set; }

    /// <summary>The seller's address in parts, for the e-invoice (the page prints <see cref="AddressLines"/>).</summary>
    public PostalAddress Address { get; init; } = new();

    /// <summary>
    /// True when the seller opted to pay VAT on debits (« Option pour le paiement de la TVA d'après
    /// les débits »); then every document says so. False by default: VAT on services is due on payment.
    /// </summary>
    public bool VatOnDebits { get; init; }

    /// <summary>
    /// Path to a PNG or JPEG logo, absolute or relative to the working directory. When null the
    /// documents carry a drawn monogram, so a deployment without a logo file still looks finished.
    /// </summary>
    public string? LogoPath { get; init; }
}

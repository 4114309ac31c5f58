namespace SubscriptionPortal.Billing.Pdf;

/// <summary>The customer (the association) as it appears on the document.</summary>
public sealed record BuyerDetails
{
    public required string Name { get; init; }

    public IReadOnlyList<string> AddressLines { get; init; } = [];

    /// <summary>SIREN, when the association has one.</summary>
    public string? Siren { get; init; }

    /// <summary>RNA number (répertoire national des associations, e.g. W751234567), when known.</summary>
    public string? Rna { get; init; }

    /// <summary>Intra-community VAT number, when the association has one.</summary>
    public string? VatNumber { get; init; }

    /// <summary>The billing address in parts, for the e-invoice; null when only the lines are known.</summary>
    public PostalAddress? Address { get; init; }

    /// <summary>Where the invoices are sent (the e-invoice's electronic address), when known.</summary>
    public string? Email { get; init; }

    /// <summary>
    /// Where the service is delivered, printed and sent only when it differs from the billing
    /// address (a mandatory mention of the e-invoicing reform in that case); null otherwise.
    /// </summary>
    public PostalAddress? ServiceAddress { get; init; }
}

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
}

namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// A postal address in the parts an e-invoice asks for separately (the page prints the address
/// lines as they are). <see cref="CountryCode"/> is ISO 3166-1 alpha-2, e.g. "FR".
/// </summary>
public sealed record PostalAddress
{
    public string? Line { get; init; }

    public string? PostalCode { get; init; }

    public string? City { get; init; }

    public string CountryCode { get; init; } = "FR";
}

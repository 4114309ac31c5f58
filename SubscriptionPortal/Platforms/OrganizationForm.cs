namespace SubscriptionPortal.Platforms;

/// <summary>The editable details of Settings › Organization.</summary>
public sealed class OrganizationForm
{
    public string Name { get; set; } = "";

    public string AddressLine { get; set; } = "";

    public string PostalCode { get; set; } = "";

    public string City { get; set; } = "";

    public string Country { get; set; } = "";

    public string? Siren { get; set; }

    public string? VatNumber { get; set; }

    public string? Rna { get; set; }

    public string BillingEmail { get; set; } = "";
}

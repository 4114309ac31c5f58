namespace SubscriptionPortal.Platforms;

/// <summary>The editable details of Settings › Organization.</summary>
public sealed class OrganizationForm
{
    public string Name { get; set; } = "";

    /// <summary>Up to <see cref="FieldLimits.AddressLines"/> lines, separated by "\n".</summary>
    public string AddressLine { get; set; } = "";

    public string PostalCode { get; set; } = "";

    public string City { get; set; } = "";

    public string Country { get; set; } = "";

    public string? Siren { get; set; }

    public string? VatNumber { get; set; }

    public string? Rna { get; set; }

    public string BillingEmail { get; set; } = "";

    /// <summary>A copy with every value as it is checked and stored (see <see cref="FieldText.Clean"/>).</summary>
    public OrganizationForm Cleaned() => new()
    {
        Name = FieldText.Clean(Name),
        AddressLine = FieldText.CleanLines(AddressLine),
        PostalCode = FieldText.Clean(PostalCode),
        City = FieldText.Clean(City),
        Country = FieldText.Clean(Country),
        Siren = Siren is null ? null : FieldText.Clean(Siren),
        VatNumber = VatNumber is null ? null : FieldText.Clean(VatNumber),
        Rna = Rna is null ? null : FieldText.Clean(Rna),
        BillingEmail = FieldText.Clean(BillingEmail),
    };
}

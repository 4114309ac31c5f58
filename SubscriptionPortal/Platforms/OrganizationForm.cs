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

    /// <summary>The service address's lines, like <see cref="AddressLine"/>; every service field empty means the postal address.</summary>
    public string ServiceAddressLine { get; set; } = "";

    public string ServicePostalCode { get; set; } = "";

    public string ServiceCity { get; set; } = "";

    public string ServiceCountry { get; set; } = "";

    /// <summary>The language documents are issued in from now on: <c>fr-FR</c> or <c>en-GB</c> (<see cref="Billing.BillingLanguage"/>).</summary>
    public string BillingLanguage { get; set; } = Billing.BillingLanguage.Default;

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
        ServiceAddressLine = FieldText.CleanLines(ServiceAddressLine),
        ServicePostalCode = FieldText.Clean(ServicePostalCode),
        ServiceCity = FieldText.Clean(ServiceCity),
        ServiceCountry = FieldText.Clean(ServiceCountry),
        BillingLanguage = BillingLanguage,
    };
}

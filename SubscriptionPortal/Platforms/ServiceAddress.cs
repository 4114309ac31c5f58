namespace SubscriptionPortal.Platforms;

/// <summary>
/// Where the association receives the service, when that is not its postal address: the same parts as
/// the postal address, every one filled (a blank country is France). Printed on the documents issued
/// while it differs from the postal address, a mention France's e-invoicing reform asks for.
/// </summary>
public sealed class ServiceAddress
{
    private ServiceAddress()
    {
    }

    /// <param name="addressLine">Up to <see cref="FieldLimits.AddressLines"/> lines, separated by "\n".</param>
    public ServiceAddress(string addressLine, string postalCode, string city, string country)
    {
        AddressLine = addressLine;
        PostalCode = postalCode;
        City = city;
        Country = country;
    }

    public string AddressLine { get; private set; } = "";

    public string PostalCode { get; private set; } = "";

    public string City { get; private set; } = "";

    public string Country { get; private set; } = "";
}

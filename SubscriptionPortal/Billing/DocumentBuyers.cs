using SubscriptionPortal.Billing.EInvoicing;
using SubscriptionPortal.Billing.Pdf;
using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Billing;

/// <summary>Who a document is addressed to, shared by every document a platform receives.</summary>
internal static class DocumentBuyers
{
    /// <summary>
    /// The buyer block of a document: the platform's name, postal address, SIREN, VAT number, RNA,
    /// billing email and service address (when it differs from the postal address) as they are now.
    /// </summary>
    public static DocumentBuyer Of(Platform platform)
    {
        // The address holds up to three lines, one per line of the document.
        var address = platform.AddressLine.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

        var city = $"{platform.PostalCode} {platform.City}".Trim();
        if (city.Length > 0)
        {
            address.Add(city);
        }

        if (!string.IsNullOrWhiteSpace(platform.Country))
        {
            address.Add(platform.Country);
        }

        var postal = PartsOf(platform.AddressLine, platform.PostalCode, platform.City, platform.Country);
        return new DocumentBuyer(platform.Name, address, platform.Siren, platform.VatNumber, platform.Rna, NullIfBlank(platform.BillingEmail), postal,
            platform.BillingLanguage, ServiceAddressOf(platform.ServiceAddress, postal));
    }

    /// <summary>
    /// The service address in the e-invoice's parts, or null when there is none or it is the postal address typed
    /// again: compared part by part, ignoring case, spacing and how the country is written ("France" or "FR").
    /// </summary>
    public static PostalAddress? ServiceAddressOf(ServiceAddress? service, PostalAddress postal)
    {
        if (service is null)
        {
            return null;
        }

        var address = PartsOf(service.AddressLine, service.PostalCode, service.City, service.Country);
        var same = Same(address.Line, postal.Line) && Same(address.PostalCode, postal.PostalCode) && Same(address.City, postal.City)
                   && address.CountryCode == postal.CountryCode;
        return same ? null : address;
    }

    /// <summary>An address in the e-invoice's parts: blank parts left out, the country as its ISO code.</summary>
    private static PostalAddress PartsOf(string line, string postalCode, string city, string country) => new()
    {
        Line = NullIfBlank(line),
        PostalCode = NullIfBlank(postalCode),
        City = NullIfBlank(city),
        CountryCode = CountryCodes.Of(country),
    };

    private static bool Same(string? a, string? b) => string.Equals(Squash(a), Squash(b), StringComparison.OrdinalIgnoreCase);

    private static string Squash(string? value) => string.Join(' ', (value ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

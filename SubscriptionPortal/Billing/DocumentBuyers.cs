using SubscriptionPortal.Billing.EInvoicing;
using SubscriptionPortal.Billing.Pdf;
using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Billing;

/// <summary>Who a document is addressed to, shared by every document a platform receives.</summary>
internal static class DocumentBuyers
{
    /// <summary>
    /// The buyer block of a document: the platform's name, postal address, SIREN, VAT number, RNA and
    /// billing email as they are now.
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

        var postal = new PostalAddress
        {
            Line = NullIfBlank(platform.AddressLine),
            PostalCode = NullIfBlank(platform.PostalCode),
            City = NullIfBlank(platform.City),
            CountryCode = CountryCodes.Of(platform.Country),
        };
        return new DocumentBuyer(platform.Name, address, platform.Siren, platform.VatNumber, platform.Rna, NullIfBlank(platform.BillingEmail), postal);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Billing;

/// <summary>Who a document is addressed to, shared by every document a platform receives.</summary>
internal static class DocumentBuyers
{
    /// <summary>The buyer block of a document: the platform's name, postal address and SIREN as they are now.</summary>
    public static DocumentBuyer Of(Platform platform)
    {
        var address = new List<string>();
        if (!string.IsNullOrWhiteSpace(platform.AddressLine))
        {
            address.Add(platform.AddressLine);
        }

        var city = $"{platform.PostalCode} {platform.City}".Trim();
        if (city.Length > 0)
        {
            address.Add(city);
        }

        if (!string.IsNullOrWhiteSpace(platform.Country))
        {
            address.Add(platform.Country);
        }

        return new DocumentBuyer(platform.Name, address, platform.Siren);
    }
}

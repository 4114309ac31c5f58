using System.Globalization;

namespace SubscriptionPortal.Billing.EInvoicing;

/// <summary>
/// The ISO 3166-1 alpha-2 code of a country as an admin typed its name ("France", "Belgique",
/// "germany", "BE"); the e-invoice's addresses need the code where the page prints the name.
/// </summary>
internal static class CountryCodes
{
    /// <summary>France, the platform's default country, stands in for a name no culture knows.</summary>
    public const string Default = "FR";

    private static readonly Lazy<Dictionary<string, string>> ByName = new(Build);

    public static string Of(string? country)
    {
        var name = (country ?? "").Trim();
        return name.Length > 0 && ByName.Value.TryGetValue(name, out var code) ? code : Default;
    }

    private static Dictionary<string, string> Build()
    {
        var codes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            RegionInfo region;
            try
            {
                region = new RegionInfo(culture.Name);
            }
            catch (ArgumentException)
            {
                continue;
            }

            if (region.TwoLetterISORegionName.Length != 2 || !region.TwoLetterISORegionName.All(char.IsAsciiLetterUpper))
            {
                continue;
            }

            foreach (var name in new[] { region.TwoLetterISORegionName, region.EnglishName, region.NativeName, region.DisplayName })
            {
                codes.TryAdd(name, region.TwoLetterISORegionName);
            }
        }

        return codes;
    }
}

using System.Globalization;

namespace SubscriptionPortal.Localization;

/// <summary>The languages the portal speaks. English is the default and the language of the neutral resources.</summary>
public static class PortalCultures
{
    public const string English = "en-GB";
    public const string French = "fr-FR";

    /// <summary>Every supported culture, the default first. A new language is one more name here and its .resx files.</summary>
    public static readonly IReadOnlyList<string> All = [English, French];

    /// <summary>The supported culture of that name (any case), or null when the portal does not speak it.</summary>
    public static string? Find(string? name) =>
        All.FirstOrDefault(c => string.Equals(c, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The supported culture for a language tag such as <c>fr</c>, <c>fr-BE</c> or <c>en-US</c>, by its language alone.</summary>
    public static string? ForLanguage(string tag)
    {
        var language = tag.Split('-', 2)[0];
        return All.FirstOrDefault(c => string.Equals(c.Split('-', 2)[0], language, StringComparison.OrdinalIgnoreCase));
    }

    public static bool IsFrench(CultureInfo culture) => culture.TwoLetterISOLanguageName == "fr";
}

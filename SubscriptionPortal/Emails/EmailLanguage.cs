using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Emails;

/// <summary>The language a platform's emails are written in.</summary>
internal static class EmailLanguage
{
    public const string French = "fr-FR";
    public const string English = "en-GB";

    /// <summary>French, the platforms' billing language until each platform chooses its own.</summary>
    public static string Of(Platform platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return French;
    }
}

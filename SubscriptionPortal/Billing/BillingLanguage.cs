namespace SubscriptionPortal.Billing;

/// <summary>
/// The languages a platform's documents are issued in, as culture names. French is the language of
/// the law and the default; an English document is bilingual, French first, so that it stays lawful.
/// </summary>
public static class BillingLanguage
{
    public const string French = "fr-FR";

    public const string English = "en-GB";

    /// <summary>The language of new platforms, and of platforms created before the setting existed.</summary>
    public const string Default = French;

    /// <summary>The longest culture name stored (column size).</summary>
    public const int MaxLength = 5;

    /// <summary>Every language a document can be issued in, French first.</summary>
    public static IReadOnlyList<string> All { get; } = [French, English];

    /// <summary>True for exactly <see cref="French"/> or <see cref="English"/> (case and spelling as written there).</summary>
    public static bool IsSupported(string? language) => language is French or English;
}

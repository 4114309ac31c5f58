using Microsoft.Extensions.Localization;

namespace SubscriptionPortal.Components.Shared;

/// <summary>
/// The catalog's summaries and feature lines in the reader's language. The catalog stores them in
/// English; their resources are keyed by that stored text, so a text an operator changed in the
/// database, which no translation knows, is shown as written rather than hidden.
/// </summary>
public sealed class CatalogText
{
    private CatalogText()
    {
    }

    public static string Of(IStringLocalizer<CatalogText> localizer, string storedText)
    {
        var translated = localizer[storedText];
        return translated.ResourceNotFound ? storedText : translated.Value;
    }
}

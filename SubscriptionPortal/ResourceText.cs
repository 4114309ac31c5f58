using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace SubscriptionPortal;

/// <summary>
/// The resources of a static check that has no services to be given a localizer (the field rules, the
/// IBAN and SIREN checks): the same <c>Resources/</c> files and the same current UI culture as an injected
/// <see cref="IStringLocalizer{T}"/>, so a page and the check it calls speak the same language.
/// </summary>
internal static class ResourceText
{
    private static readonly ResourceManagerStringLocalizerFactory Factory =
        new(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);

    public static IStringLocalizer For(Type type) => Factory.Create(type);
}

using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace SubscriptionPortal.Localization;

/// <summary>
/// The browser's <c>Accept-Language</c>, read by language rather than by exact culture: the first
/// language the browser prefers that the portal speaks wins (<c>fr-BE</c> or <c>fr</c> gives French,
/// <c>en-US</c> English). The standard provider matches whole cultures only, so <c>fr</c> alone would
/// never reach <c>fr-FR</c>.
/// </summary>
internal sealed class PreferredLanguageProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var header = httpContext.Request.Headers.AcceptLanguage;
        if (header.Count == 0 || !StringWithQualityHeaderValue.TryParseList(header, out var languages))
        {
            return NullProviderCultureResult;
        }

        var culture = languages
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1) // a stable sort: equal weights keep the browser's order
            .Select(l => PortalCultures.ForLanguage(l.Value.ToString()))
            .FirstOrDefault(c => c is not null);
        return culture is null
            ? NullProviderCultureResult
            : Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture));
    }
}

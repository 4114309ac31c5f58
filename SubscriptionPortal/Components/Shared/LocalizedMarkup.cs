using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace SubscriptionPortal.Components.Shared;

/// <summary>
/// A localized sentence that emphasises part of itself (<c>&lt;strong&gt;</c>): the translation decides where
/// the emphasis falls, as word order differs between languages. The resource text is the app's own; every
/// value put into it is HTML-encoded.
/// </summary>
public static class LocalizedMarkup
{
    public static MarkupString Markup(this IStringLocalizer localizer, string key, params object?[] values) =>
        new(string.Format(CultureInfo.CurrentCulture, localizer[key].Value,
            values.Select(v => (object)WebUtility.HtmlEncode(Convert.ToString(v, CultureInfo.CurrentCulture) ?? "")).ToArray()));
}

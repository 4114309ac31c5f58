using Microsoft.Extensions.Localization;

namespace SubscriptionPortal.Tests.Components;

/// <summary>
/// A localizer factory whose every string comes back wrapped as <c>[!! … !!]</c>: rendered under it, a page
/// shows whatever did not come from a resource outside any wrapper.
/// </summary>
public sealed class PseudoLocalizerFactory(IStringLocalizerFactory inner) : IStringLocalizerFactory
{
    public const string Open = "[!! ";
    public const string Close = " !!]";

    public IStringLocalizer Create(Type resourceSource) => new PseudoLocalizer(inner.Create(resourceSource));

    public IStringLocalizer Create(string baseName, string location) => new PseudoLocalizer(inner.Create(baseName, location));

    private sealed class PseudoLocalizer(IStringLocalizer inner) : IStringLocalizer
    {
        public LocalizedString this[string name] => Wrap(inner[name]);

        public LocalizedString this[string name, params object[] arguments]
        {
            get
            {
                var text = inner[name];
                return new LocalizedString(name, string.Format(System.Globalization.CultureInfo.CurrentCulture, Open + text.Value + Close, arguments), text.ResourceNotFound);
            }
        }

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
            inner.GetAllStrings(includeParentCultures).Select(Wrap);

        private static LocalizedString Wrap(LocalizedString text) =>
            new(text.Name, Open + text.Value + Close, text.ResourceNotFound, text.SearchedLocation);
    }
}

using Microsoft.Extensions.Localization;
using MudBlazor;

namespace SubscriptionPortal.Components.Shared;

/// <summary>
/// MudBlazor's own texts (close buttons, pager and date-picker buttons, "Loading…", the breadcrumb's name)
/// from this class's resources, keyed by MudBlazor's resource names. A key with no resource is left to
/// MudBlazor's English.
/// </summary>
internal sealed class PortalMudLocalizer(IStringLocalizer<PortalMudLocalizer> localizer) : MudLocalizer
{
    public override LocalizedString this[string key] => localizer[key];

    public override LocalizedString this[string key, params object[] arguments] => localizer[key, arguments];
}

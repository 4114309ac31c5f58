using MudBlazor;
using MudBlazor.Services;

namespace SubscriptionPortal.Components;

internal static class UiRegistration
{
    public static IServiceCollection AddPortalUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        // A request an endpoint cannot bind (a malformed id in the query) is answered 400 and logged as a bad
        // request at debug level; the default in Development throws, which logs it as a server error.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        services.AddMudServices(config =>
        {
            config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            config.SnackbarConfiguration.ShowCloseIcon = true;
        });
        return services;
    }
}

using MudBlazor;
using MudBlazor.Services;
using SubscriptionPortal.Components.Shared;

namespace SubscriptionPortal.Components;

internal static class UiRegistration
{
    public static IServiceCollection AddPortalUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents(options =>
        {
            // A disconnected circuit keeps everything its pages hold until it is dropped. A minute
            // covers a network blip, a proxy restart or a laptop lid closed briefly; after that the
            // reconnect dialog reloads the page, which loses nothing: every page reads its state from
            // the database and the URL (the choice page keeps tier and commitment in its query).
            options.DisconnectedCircuitRetentionPeriod = CircuitRetention.Period;
            // Bounds the memory a mass disconnection can pin (every browser behind one proxy at once):
            // about 500 circuits of a few hundred kilobytes each, beyond which the oldest are dropped.
            options.DisconnectedCircuitMaxRetained = CircuitRetention.MaxRetained;
        });
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        // A request an endpoint cannot bind (a malformed id in the query) is answered 400 and logged as a bad
        // request at debug level; the default in Development throws, which logs it as a server error.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        services.AddMudServices(config =>
        {
            config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            config.SnackbarConfiguration.ShowCloseIcon = true;
        });
        services.AddTransient<MudLocalizer, PortalMudLocalizer>();
        return services;
    }
}

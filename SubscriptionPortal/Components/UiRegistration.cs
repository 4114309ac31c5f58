using MudBlazor;
using MudBlazor.Services;

namespace SubscriptionPortal.Components;

internal static class UiRegistration
{
    public static IServiceCollection AddPortalUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(config =>
        {
            config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            config.SnackbarConfiguration.ShowCloseIcon = true;
        });
        return services;
    }
}

using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace SubscriptionPortal.Tests.Components;

/// <summary>
/// The one bUnit base: MudBlazor's services, loose JS interop, no transitions, and an asynchronous
/// dispose (MudBlazor's popover service is only IAsyncDisposable).
/// </summary>
public abstract class PortalComponentTest : IAsyncLifetime
{
    protected PortalComponentTest()
    {
        Context = new BunitContext();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
        Context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", true));
    }

    protected BunitContext Context { get; }

    /// <summary>Renders the providers dialogs and popovers need, so their content can be found.</summary>
    protected IRenderedComponent<MudPopoverProvider> RenderProviders()
    {
        Context.Render<MudDialogProvider>();
        return Context.Render<MudPopoverProvider>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Context.DisposeAsync();
}

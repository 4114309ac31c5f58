using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SubscriptionPortal.Components.Shared;

namespace SubscriptionPortal.Tests.Components;

/// <summary>
/// The one bUnit base: MudBlazor's services, loose JS interop, no transitions, and an asynchronous
/// dispose (MudBlazor's popover service is only IAsyncDisposable).
/// </summary>
public abstract class PortalComponentTest : IAsyncLifetime
{
    static PortalComponentTest()
    {
        // bUnit waits one second by default for a render a test waits for. A page that reads a database server
        // (the PostgreSQL run), on a machine whose two cores the other tests keep busy, can need longer; a wait
        // still ends as soon as what it waits for is on screen, so only a failing test waits the whole time.
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }

    protected PortalComponentTest()
    {
        Context = new BunitContext();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        Context.Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
        Context.Services.AddTransient<MudLocalizer, PortalMudLocalizer>();
    }

    protected BunitContext Context { get; }

    /// <summary>Renders the providers dialogs and popovers need, so their content can be found.</summary>
    protected IRenderedComponent<MudDialogProvider> RenderProviders()
    {
        Context.Render<MudPopoverProvider>();
        return Context.Render<MudDialogProvider>();
    }

    /// <summary>The input a visible label names, as a person finds it.</summary>
    protected static AngleSharp.Dom.IElement InputLabelled<T>(IRenderedComponent<T> cut, string label)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        var element = cut.FindAll("label").First(l => l.TextContent.Trim().TrimEnd('*').Trim() == label);
        var id = element.GetAttribute("for");
        return id is null ? element.QuerySelector("input")! : cut.Find($"[id='{id}']");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Context.DisposeAsync();
}

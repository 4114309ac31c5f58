using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using SubscriptionPortal.Components.Account;
using SubscriptionPortal.Tests.Integration;

namespace SubscriptionPortal.Tests.Components;

/// <summary>
/// Renders whole pages, server-rendered account pages included, on the app's real services over a
/// demo-seeded SQLite database, signed in as a demo account, in a chosen culture.
/// </summary>
public abstract class PageRenderTest : PortalComponentTest, IAsyncLifetime
{
    private readonly CultureInfo previousCulture = CultureInfo.CurrentCulture;
    private readonly CultureInfo previousUiCulture = CultureInfo.CurrentUICulture;
    private readonly CommandsInFlight commands = new();

    private bool prepared;
    private string? signedInAs;

    protected TestDatabase Database { get; private set; } = default!;

    protected DefaultHttpContext Http { get; private set; } = default!;

    protected virtual DateTimeOffset Now => new(2026, 3, 20, 9, 0, 0, TimeSpan.Zero);

    async Task IAsyncLifetime.InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(Now, seedDemo: true, configure: services =>
        {
            services.AddSingleton<IInterceptor>(commands);
            ConfigureServices(services);
        });
        Context.Services.AddFallbackServiceProvider(Database.Services);
        Http = new DefaultHttpContext { RequestServices = Database.Services };
        Http.Request.Method = HttpMethods.Get;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        CultureInfo.CurrentCulture = previousCulture;
        CultureInfo.CurrentUICulture = previousUiCulture;
        if (prepared)
        {
            await WaitUntilPagesStopReadingAsync();
        }

        await DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>
    /// A test may end once what it checks is on screen while the page still reads: the account pages read
    /// the user's settings one after another, and on a database server each read ends after the test's
    /// assertion. Disposing the services then closes the connection under the page's read. Each read that
    /// ends goes on as the page's next step on the renderer's dispatcher, which may start another read, so
    /// the wait is over when no command is running after the dispatcher has run what was queued, three
    /// times in a row.
    /// </summary>
    private async Task WaitUntilPagesStopReadingAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var quiet = 0;
        while (quiet < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1);
            await Context.Renderer.Dispatcher.InvokeAsync(() => { });
            quiet = commands.Running == 0 ? quiet + 1 : 0;
        }
    }

    /// <summary>Changes to the app's services before the database is prepared (a test localizer factory...).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>The language the page is read in, as the request localization middleware sets it.</summary>
    protected static void UseCulture(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
    }

    /// <summary>Signs the demo account in, for the page's authentication state and its HttpContext; call before rendering.</summary>
    protected async Task<ClaimsPrincipal> SignInAsync(string email)
    {
        var principal = await Database.PrincipalAsync(email);
        Http.User = principal;
        signedInAs = email;
        return principal;
    }

    // Services are all added before the first render: bUnit freezes them then.
    private void PrepareRender()
    {
        if (prepared)
        {
            return;
        }

        prepared = true;

        // The accessor's context flows with the test's own calls, so it is set here rather than at start.
        Database.Get<IHttpContextAccessor>().HttpContext = Http;
        var auth = Context.AddAuthorization();
        if (signedInAs is not null)
        {
            auth.SetAuthorized(signedInAs);
            auth.SetClaims([.. Http.User.Claims.Where(c => c.Type != ClaimTypes.Name)]);
        }

        // The account pages' redirects go through the test's navigation manager; pages and services
        // read their texts from the one localizer factory of the app's services.
        Context.Services.AddScoped<IdentityRedirectManager>();
        Context.Services.AddSingleton(Database.Get<IStringLocalizerFactory>());
        Context.Services.AddTransient(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));

        Context.SetRendererInfo(new RendererInfo("Server", true));
    }

    /// <summary>Renders a page as its route would, with the request's HttpContext cascaded as static rendering does.</summary>
    protected IRenderedComponent<IComponent> RenderPage(Type page, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        PrepareRender();

        void Page(RenderTreeBuilder builder)
        {
            builder.OpenComponent(0, page);
            foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
            {
                builder.AddComponentParameter(1, name, value);
            }

            builder.CloseComponent();
        }

        return Context.Render(builder =>
        {
            builder.OpenComponent<CascadingValue<HttpContext>>(0);
            builder.AddComponentParameter(1, nameof(CascadingValue<HttpContext>.Value), Http);
            builder.AddComponentParameter(2, nameof(CascadingValue<HttpContext>.IsFixed), true);
            builder.AddComponentParameter(3, nameof(CascadingValue<HttpContext>.ChildContent), (RenderFragment)Page);
            builder.CloseComponent();
        });
    }

    protected IRenderedComponent<IComponent> RenderPage<TPage>(IReadOnlyDictionary<string, object?>? parameters = null)
        where TPage : IComponent => RenderPage(typeof(TPage), parameters);
}

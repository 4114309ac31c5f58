using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Tests.Integration;

namespace SubscriptionPortal.Tests.Components;

/// <summary>
/// bUnit tests of pages on the real feature services over a real, demo-seeded SQLite database,
/// signed in as a demo account.
/// </summary>
public abstract class DatabaseComponentTest : PortalComponentTest, IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = default!;

    protected virtual DateTimeOffset Now => new(2026, 3, 20, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Services the database's app takes besides its own, such as an interceptor; none by default.</summary>
    protected virtual Action<IServiceCollection>? DatabaseServices => null;

    async Task IAsyncLifetime.InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(Now, seedDemo: true, configure: DatabaseServices);
        Context.Services.AddSingleton(_ => Database.Get<SubscriptionChanges>());
        Context.Services.AddSingleton(_ => Database.Get<OfferChoiceQueries>());
        Context.Services.AddSingleton(_ => Database.Get<SubscriptionPlanQueries>());
        Context.Services.AddSingleton(_ => Database.Get<MandateService>());
        Context.Services.AddSingleton(_ => Database.Get<DocumentQueries>());
        Context.Services.AddSingleton(_ => Database.Get<PlatformDirectory>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }

    protected async Task<ClaimsPrincipal> SignInAsync(string email)
    {
        var principal = await Database.PrincipalAsync(email);
        var auth = Context.AddAuthorization();
        auth.SetAuthorized(email);
        auth.SetClaims([.. principal.Claims.Where(c => c.Type != ClaimTypes.Name)]);
        return principal;
    }
}

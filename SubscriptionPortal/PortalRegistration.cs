using SubscriptionPortal.Billing;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Components.Account;
using SubscriptionPortal.Data;
using SubscriptionPortal.Emails;
using SubscriptionPortal.Localization;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Payments.Dunning;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Support;

namespace SubscriptionPortal;

internal static class PortalRegistration
{
    /// <summary>
    /// Every service of the portal but its web UI: the database, Identity and each feature. The app,
    /// the integration tests and the benchmarks all register exactly this, so none of them runs
    /// without a service the others have.
    /// </summary>
    public static IServiceCollection AddPortalServices(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment) =>
        services.AddPortalData(configuration, environment)
            .AddPortalIdentity()
            .AddPortalLocalization()
            .AddCatalog()
            .AddPlatforms()
            .AddSubscriptions()
            .AddBilling(configuration)
            .AddPayments()
            .AddDunning()
            .AddSupport()
            .AddEmails(configuration);
}

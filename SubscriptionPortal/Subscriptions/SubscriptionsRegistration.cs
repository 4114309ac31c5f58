namespace SubscriptionPortal.Subscriptions;

internal static class SubscriptionsRegistration
{
    public static IServiceCollection AddSubscriptions(this IServiceCollection services)
    {
        services.AddScoped<SubscriptionPlanQueries>();
        services.AddScoped<SubscriptionChanges>();
        services.AddScoped<RenewalService>();
        services.AddHostedService<RenewalHostedService>();
        return services;
    }
}

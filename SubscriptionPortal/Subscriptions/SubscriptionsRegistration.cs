namespace SubscriptionPortal.Subscriptions;

internal static class SubscriptionsRegistration
{
    public static IServiceCollection AddSubscriptions(this IServiceCollection services)
    {
        services.AddScoped<SubscriptionPlanQueries>();
        services.AddScoped<PeriodInvoicing>();
        services.AddScoped<OfferChoiceQueries>();
        services.AddScoped<SubscriptionChanges>();
        services.AddScoped<SubscriptionLifecycle>();
        services.AddScoped<RenewalService>();
        services.AddScoped<ClosureService>();
        services.AddScoped<ReminderService>();
        services.AddHostedService<RenewalHostedService>();
        services.AddHostedService<ClosureHostedService>();
        services.AddHostedService<ReminderHostedService>();
        services.AddHostedService<QuotePurgeHostedService>();
        return services;
    }
}

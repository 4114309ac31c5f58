namespace SubscriptionPortal.Support;

internal static class SupportRegistration
{
    public static IServiceCollection AddSupport(this IServiceCollection services)
    {
        services.AddScoped<SupportDirectory>();
        services.AddScoped<ActivityLog>();
        return services;
    }
}

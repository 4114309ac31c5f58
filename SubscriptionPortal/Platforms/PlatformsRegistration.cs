using SubscriptionPortal.Platforms.Export;

namespace SubscriptionPortal.Platforms;

internal static class PlatformsRegistration
{
    public static IServiceCollection AddPlatforms(this IServiceCollection services)
    {
        services.AddScoped<PlatformDirectory>();
        services.AddScoped<ContactDirectory>();
        services.AddScoped<OrganizationSettings>();
        services.AddScoped<PlatformProvisioning>();
        services.AddScoped<PlatformNotices>();
        services.AddScoped<PlatformExport>();
        services.AddSingleton<ExportProgressTracker>();
        services.AddSingleton<ExportTickets>();
        return services;
    }
}

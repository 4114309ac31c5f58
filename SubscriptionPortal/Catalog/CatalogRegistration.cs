namespace SubscriptionPortal.Catalog;

internal static class CatalogRegistration
{
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddScoped<CatalogReader>();
        return services;
    }
}

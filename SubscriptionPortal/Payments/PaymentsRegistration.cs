namespace SubscriptionPortal.Payments;

internal static class PaymentsRegistration
{
    public static IServiceCollection AddPayments(this IServiceCollection services)
    {
        services.AddScoped<MandateService>();
        return services;
    }
}

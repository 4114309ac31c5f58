namespace SubscriptionPortal.Payments.Dunning;

internal static class DunningRegistration
{
    public static IServiceCollection AddDunning(this IServiceCollection services)
    {
        services.AddOptions<DunningOptions>().BindConfiguration("Dunning").ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<DunningOptions>, DunningOptionsValidator>();
        services.AddSingleton<OverdueStatus>();
        services.AddScoped<DunningJob>();
        services.AddScoped<OverdueDesk>();
        services.AddHostedService<DunningHostedService>();
        return services;
    }
}

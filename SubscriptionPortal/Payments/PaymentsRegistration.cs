namespace SubscriptionPortal.Payments;

internal static class PaymentsRegistration
{
    public static IServiceCollection AddPayments(this IServiceCollection services)
    {
        services.AddOptions<CreditorOptions>().BindConfiguration("Creditor").ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<CreditorOptions>, CreditorOptionsValidator>();
        services.AddOptions<DirectDebitOptions>().BindConfiguration("DirectDebits");
        services.AddScoped<MandateService>();
        services.AddSingleton<IPaymentGateway, SepaFileGateway>();
        services.AddScoped<DirectDebitSubmission>();
        services.AddScoped<ReturnFileImporter>();
        services.AddScoped<DirectDebitDesk>();
        services.AddHostedService<DirectDebitHostedService>();
        return services;
    }
}

using SubscriptionPortal.Billing.Pdf;

namespace SubscriptionPortal.Billing;

internal static class BillingRegistration
{
    public static IServiceCollection AddBilling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BillingOptions>().Bind(configuration.GetSection("Billing"))
            .Validate(o => o.RenewalBatchSize >= 1, "Billing:RenewalBatchSize must be at least 1.").ValidateOnStart();
        services.Configure<SellerDetails>(configuration.GetSection("Seller"));
        // The ICS is configured once, for the direct-debit files; every invoice prints it too.
        services.PostConfigure<SellerDetails>(seller => seller.SepaCreditorIdentifier ??= configuration["Creditor:Identifier"]);
        services.AddSingleton<IDocumentRenderer, PdfDocumentRenderer>();
        services.AddScoped<DocumentIssuer>();
        services.AddScoped<DocumentQueries>();
        return services;
    }
}

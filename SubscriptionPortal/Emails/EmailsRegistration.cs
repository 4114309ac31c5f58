using Microsoft.EntityFrameworkCore.Diagnostics;
using SubscriptionPortal.Payments;

namespace SubscriptionPortal.Emails;

internal static class EmailsRegistration
{
    /// <summary>The outbox, its sender job and the delivery chosen by <c>Email:Delivery</c> (pickup folder by default).</summary>
    public static IServiceCollection AddEmails(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection("Email"));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IInterceptor, OutboxCommitWatcher>();
        services.AddSingleton<EmailOutbox>();
        services.AddSingleton<IPaymentNotifications>(sp => sp.GetRequiredService<EmailOutbox>());
        services.AddSingleton<EmailSender>();
        services.AddSingleton<EmailDesk>();
        services.AddSingleton<PickupTransport>();
        services.AddSingleton<SmtpTransport>();
        services.AddSingleton<IMailTransport>(sp =>
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<EmailOptions>>().Value.Delivery == EmailDelivery.Smtp
                ? sp.GetRequiredService<SmtpTransport>()
                : sp.GetRequiredService<PickupTransport>());
        services.AddHostedService<EmailSenderHostedService>();
        return services;
    }
}

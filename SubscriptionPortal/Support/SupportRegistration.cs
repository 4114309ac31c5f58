using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Support;

internal static class SupportRegistration
{
    /// <summary>The support console, impersonation and the audit log. Call after <c>AddPortalIdentity</c>, whose pieces it extends.</summary>
    public static IServiceCollection AddSupport(this IServiceCollection services)
    {
        services.AddScoped<SupportDirectory>();
        services.AddScoped<SupportPlatformQueries>();
        services.AddScoped<ActivityLog>();
        services.AddScoped<ImpersonationService>();

        // Sign-ins are audited where every way of signing in meets: Identity's sign-in manager.
        services.Replace(ServiceDescriptor.Scoped<SignInManager<ApplicationUser>, AuditingSignInManager>());
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, ImpersonationCookie.Configure);
        services.Configure<SecurityStampValidatorOptions>(options => options.OnRefreshingPrincipal = ImpersonationCookie.CarryOverAsync);
        services.AddSingleton<IInterceptor, AuditLogIsAppendOnly>();
        return services;
    }
}

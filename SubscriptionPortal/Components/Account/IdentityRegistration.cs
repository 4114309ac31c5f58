using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Components.Account;

internal static class IdentityRegistration
{
    /// <summary>Email and password sign-in with the portal's lockout and password rules (SPEC §8).</summary>
    public static IServiceCollection AddPortalIdentity(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                options.Lockout.AllowedForNewUsers = true;
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ApplicationDbContext>()
            .AddSignInManager()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddDefaultTokenProviders();

        services.AddScoped<SecurityStampValidator<ApplicationUser>>();
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, OwnScopeSecurityStampValidator>());

        // OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256.
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = 210_000);
        services.AddAuthorizationBuilder()
            .AddPolicy(PortalRoles.Support, policy => policy.RequireRole(PortalRoles.Support));
        services.AddSingleton<IEmailSender<ApplicationUser>, IdentityNoOpEmailSender>();
        return services;
    }
}

using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace SubscriptionPortal.Localization;

internal static class LocalizationRegistration
{
    /// <summary>
    /// Resources under <c>Resources/</c>, English by default, French on request. The culture cookie
    /// comes first (the user's choice, carried into the Blazor circuit by the request that opens it),
    /// then the browser's languages. Services localize their messages too, so this is part of the core services.
    /// </summary>
    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLogging();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = PortalCultures.All.ToArray();
            options.SetDefaultCulture(PortalCultures.English)
                .AddSupportedCultures(cultures)
                .AddSupportedUICultures(cultures);
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new PreferredLanguageProvider()];
        });
        services.AddScoped<LanguagePreferences>();
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, LanguagePreferences.ApplyOnSignIn);
        return services;
    }

    public static IApplicationBuilder UsePortalLocalization(this IApplicationBuilder app) => app.UseRequestLocalization();
}

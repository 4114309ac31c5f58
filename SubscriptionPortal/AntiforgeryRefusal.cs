using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.Extensions.Localization;

namespace SubscriptionPortal;

internal static class AntiforgeryRefusal
{
    /// <summary>
    /// Answers 400 to a form post whose antiforgery token failed, for the endpoints that bind form fields
    /// (sign-out, external sign-in): left to them, reading the form throws and the post ends in a 500. Pages
    /// refuse such posts themselves, and the endpoints that read their form by hand check the token first.
    /// Runs after <c>UseAntiforgery</c>, which records the verdict.
    /// </summary>
    public static IApplicationBuilder UseAntiforgeryRefusal(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false }
                && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                var messages = context.RequestServices.GetRequiredService<IStringLocalizerFactory>().Create(typeof(AntiforgeryRefusal));
                await context.Response.WriteAsync(messages["FormExpired"], context.RequestAborted);
                return;
            }

            await next(context);
        });
}

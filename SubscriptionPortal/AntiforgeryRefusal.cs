using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;

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
                await context.Response.WriteAsync("This form has expired or did not come from the portal. Reload the page and try again. Nothing was changed.",
                    context.RequestAborted);
                return;
            }

            await next(context);
        });
}

using SubscriptionPortal;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Components;
using SubscriptionPortal.Components.Account;
using SubscriptionPortal.Data;
using SubscriptionPortal.Localization;
using SubscriptionPortal.Operations;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Platforms.Export;
using SubscriptionPortal.Support;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddRepositorySettingsFile(builder.Environment);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services
    .AddPortalServices(builder.Configuration, builder.Environment)
    .AddPortalUi()
    .AddSecurityHeaders()
    .AddOperations();

var app = builder.Build();
if (await app.RunOperationsCommandAsync(args))
{
    return;
}

app.UseSecurityHeaders();
app.UsePortalLocalization();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseImpersonationGuard();
app.UseAntiforgery();
app.UseAntiforgeryRefusal();
app.MapOperations();
app.MapStaticAssets();
// The frame-ancestors the interactive render mode would send are part of the full policy of UseSecurityHeaders.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
app.MapAdditionalIdentityEndpoints();
app.MapLanguageEndpoints();
app.MapBillingEndpoints();
app.MapSupportEndpoints();
app.MapExportEndpoints();
app.MapPaymentEndpoints();

await app.Services.PrepareDatabaseAsync(app.Configuration, app.Environment);

app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;

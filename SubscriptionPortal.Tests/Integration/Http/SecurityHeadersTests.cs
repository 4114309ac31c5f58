using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Subscriptions;
using SubscriptionPortal.Support;
using SubscriptionPortal.Tests.Integration.Support;

namespace SubscriptionPortal.Tests.Integration.Http;

/// <summary>Every kind of response carries the same security headers: pages, PDFs, the export ZIP, bank files, static files, errors.</summary>
public sealed class SecurityHeadersTests : IAsyncLifetime
{
    private PortalApp app = default!;

    public Task InitializeAsync()
    {
        app = new PortalApp();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private static void AssertHeaders(HttpResponseMessage response, string what)
    {
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
            : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content) : null;

        Assert.True(Header("X-Content-Type-Options") == "nosniff", $"{what}: X-Content-Type-Options is {Header("X-Content-Type-Options")}");
        Assert.True(Header("X-Frame-Options") == "DENY", $"{what}: X-Frame-Options is {Header("X-Frame-Options")}");
        Assert.True(Header("Referrer-Policy") == "same-origin", $"{what}: Referrer-Policy is {Header("Referrer-Policy")}");
        var csp = Header("Content-Security-Policy") ?? "";
        foreach (var directive in new[]
                 {
                     "default-src 'self'", "script-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'",
                     "form-action 'self'", "frame-ancestors 'none'",
                 })
        {
            Assert.True(csp.Split(';', StringSplitOptions.TrimEntries).Contains(directive), $"{what}: the CSP lacks {directive}: {csp}");
        }

        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryKindOfResponse_CarriesTheSecurityHeaders()
    {
        using var admin = app.CreatePortalClient();
        await admin.SignInAsync("serenity@demo.test");
        var (_, platformId) = await app.AdminAsync("serenity@demo.test");
        int invoiceId;
        await using (var db = app.OpenDatabase())
        {
            invoiceId = await db.Documents.Where(d => d.PlatformId == platformId && d.Kind == DocumentKind.Invoice).Select(d => d.Id).FirstAsync();
        }

        using var page = await admin.GetAsync("settings/subscription");
        using var pdf = await admin.GetAsync($"documents/{invoiceId}/pdf");
        using var started = await admin.PostFormAsync($"platforms/{platformId}/export",
            new Dictionary<string, string> { [PortalClient.TokenField] = await admin.AntiforgeryTokenAsync() });
        using var zip = await admin.GetAsync(started.Headers.Location!.OriginalString.TrimStart('/'));
        using var missing = await admin.GetAsync("no/such/page");
        using var staticFile = await admin.GetAsync("favicon.png");
        using var signIn = app.CreatePortalClient();
        using var signInPage = await signIn.GetAsync("Account/Login");

        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("application/zip", zip.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, staticFile.StatusCode);
        foreach (var (response, what) in new[]
                 {
                     (page, "page"), (pdf, "PDF"), (started, "export start redirect"), (zip, "export ZIP"), (missing, "404 page"),
                     (staticFile, "static file"), (signInPage, "sign-in page"),
                 })
        {
            AssertHeaders(response, what);
        }
    }

    [Fact]
    public async Task BankFile_CarriesTheSecurityHeaders()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await ChoraleUpgradedAsync(scope.ServiceProvider);
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<DirectDebitSubmission>().SubmitDueAsync());
        }

        int fileId;
        await using (var db = app.OpenDatabase())
        {
            fileId = await db.DirectDebitFiles.Select(f => f.Id).SingleAsync();
        }

        using var support = app.CreatePortalClient();
        await support.SignInAsync("support@demo.test");

        using var file = await support.GetAsync($"support/debit-files/{fileId}");

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Contains("xml", file.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        AssertHeaders(file, "bank file");
    }

    [Fact]
    public async Task AntiforgeryCookie_IsSecureOverHttps_AndOnlyThen()
    {
        using var https = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost/"), AllowAutoRedirect = false });
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost/"), AllowAutoRedirect = false });

        using var overHttps = await https.GetAsync("Account/Login");
        using var overHttp = await http.GetAsync("Account/Login");

        static string AntiforgeryCookie(HttpResponseMessage response) =>
            response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains("; secure", AntiforgeryCookie(overHttps), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("; secure", AntiforgeryCookie(overHttp), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Chorale du Marais moves to Professional today through the app's own engine: one scheduled debit.</summary>
    private static async Task ChoraleUpgradedAsync(IServiceProvider services)
    {
        await using var db = services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContext();
        var platform = await db.Platforms.SingleAsync(p => p.Name == "Chorale du Marais");
        var admin = await db.Users.SingleAsync(u => u.Email == "serenity@demo.test");
        var today = PeriodMath.LocalDate(services.GetRequiredService<TimeProvider>().GetUtcNow(), platform.TimeZone);
        var outcome = await services.GetRequiredService<SubscriptionChanges>().ApplyAsync(platform.Id,
            new ChangeTarget(CatalogSeed.Professional, 250, Commitment.Monthly), today,
            Actor.System(admin.Id, admin.Email!));
        Assert.IsType<ChangeOutcome.Applied>(outcome);
    }
}

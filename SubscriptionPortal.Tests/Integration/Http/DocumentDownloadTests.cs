using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Tests.E2E;

namespace SubscriptionPortal.Tests.Integration.Http;

public sealed class DocumentDownloadTests : IAsyncLifetime
{
    private readonly PortalServer server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await server.DisposeAsync();

    private async Task<BillingDocument> InvoiceOfAsync(string platformName)
    {
        await using var db = PortalDatabase.Open(server);
        var platformId = await db.Platforms.Where(p => p.Name == platformName).Select(p => p.Id).SingleAsync();
        return await db.Documents.AsNoTracking().FirstAsync(d => d.PlatformId == platformId && d.Kind == DocumentKind.Invoice);
    }

    [Fact]
    public async Task Download_ServesExactlyTheStoredBytesWithAReadableFileName()
    {
        using var client = await SignedInClient.SignInAsync(server, "serenity@demo.test");
        var invoice = await InvoiceOfAsync("Chorale du Marais");

        using var response = await client.GetAsync($"documents/{invoice.Id}/pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{invoice.Number}.pdf", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        Assert.Equal(invoice.PdfSha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public async Task Download_OfADocumentWhoseStoredBytesWereAltered_IsRefused()
    {
        using var client = await SignedInClient.SignInAsync(server, "serenity@demo.test");
        var invoice = await InvoiceOfAsync("Chorale du Marais");
        var tampered = invoice.Pdf.ToArray();
        tampered[^10] ^= 0xFF;
        await using (var db = PortalDatabase.Open(server))
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"Documents\" SET \"Pdf\" = {tampered} WHERE \"Id\" = {invoice.Id}");
        }

        using var response = await client.GetAsync($"documents/{invoice.Id}/pdf");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("integrity check", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Download_OfAnotherPlatformsDocument_IsNotFoundLikeAMissingOne()
    {
        using var client = await SignedInClient.SignInAsync(server, "serenity@demo.test");
        var otherInvoice = await InvoiceOfAsync("Club Nautique de Lyon");

        using var other = await client.GetAsync($"documents/{otherInvoice.Id}/pdf");
        using var missing = await client.GetAsync("documents/999999/pdf");

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var otherBody = await other.Content.ReadAsStringAsync();
        Assert.Contains("Not Found", otherBody);
        Assert.Contains("Not Found", await missing.Content.ReadAsStringAsync());
        Assert.DoesNotContain(otherInvoice.Number, otherBody);
    }

    [Fact]
    public async Task Download_BySupportStaff_IsAllowedForAnyPlatform()
    {
        using var client = await SignedInClient.SignInAsync(server, "support@demo.test");
        var invoice = await InvoiceOfAsync("Club Nautique de Lyon");

        using var response = await client.GetAsync($"documents/{invoice.Id}/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Download_SignedOut_RedirectsToSignIn()
    {
        using var client = SignedInClient.Anonymous(server);
        var invoice = await InvoiceOfAsync("Chorale du Marais");

        using var response = await client.GetAsync($"documents/{invoice.Id}/pdf");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
    }
}

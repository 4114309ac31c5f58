using System.Net;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Tests.E2E;
using SubscriptionPortal.Tests.Unit.Billing.EInvoicing;

namespace SubscriptionPortal.Tests.Integration.Http;

public sealed class DocumentXmlDownloadTests : IAsyncLifetime
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
    public async Task DownloadXml_ServesTheFacturXXmlOfTheStoredPdf()
    {
        using var client = await SignedInClient.SignInAsync(server, "serenity@demo.test");
        var invoice = await InvoiceOfAsync("Chorale du Marais");

        using var response = await client.GetAsync($"documents/{invoice.Id}/xml");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{invoice.Number}.xml", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        Assert.Equal(FacturXReadBack.Of(invoice.Pdf).Xml, bytes);
        Assert.Contains($"<ram:ID>{invoice.Number}</ram:ID>", System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task DownloadXml_OfAnotherPlatformsDocument_IsNotFound_ButSupportStaffGetIt()
    {
        using (var admin = await SignedInClient.SignInAsync(server, "serenity@demo.test"))
        {
            var otherInvoice = await InvoiceOfAsync("Club Nautique de Lyon");
            using var refused = await admin.GetAsync($"documents/{otherInvoice.Id}/xml");
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.DoesNotContain(otherInvoice.Number, await refused.Content.ReadAsStringAsync());
        }

        using var support = await SignedInClient.SignInAsync(server, "support@demo.test");
        var invoice = await InvoiceOfAsync("Club Nautique de Lyon");
        using var allowed = await support.GetAsync($"documents/{invoice.Id}/xml");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task DownloadXml_OfADocumentIssuedBeforeFacturX_SaysItHasNoXml_AndItsPdfIsServedAsStored()
    {
        using var client = await SignedInClient.SignInAsync(server, "serenity@demo.test");
        var invoice = await InvoiceOfAsync("Chorale du Marais");
        var plainPdf = PlainPdf();
        await using (var db = PortalDatabase.Open(server))
        {
            var hash = StoredBytes.Sha256(plainPdf);
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"Documents\" SET \"Pdf\" = {plainPdf}, \"PdfSha256\" = {hash} WHERE \"Id\" = {invoice.Id}");
        }

        using var xml = await client.GetAsync($"documents/{invoice.Id}/xml");
        using var pdf = await client.GetAsync($"documents/{invoice.Id}/pdf");

        Assert.Equal(HttpStatusCode.NotFound, xml.StatusCode);
        Assert.Contains("issued before e-invoices", await xml.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal(plainPdf, await pdf.Content.ReadAsByteArrayAsync());
    }

    // A PDF as documents were stored before Factur-X: a page, no attachment.
    private static byte[] PlainPdf()
    {
        using var document = new PdfSharp.Pdf.PdfDocument();
        document.AddPage();
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }
}

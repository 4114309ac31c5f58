using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Platforms.Export;
using SubscriptionPortal.Tests.Integration.Support;

namespace SubscriptionPortal.Tests.Integration.Http;

/// <summary>The data export is started by a form post with its antiforgery token and downloaded once with a one-time ticket.</summary>
public sealed class DataExportDownloadTests : IAsyncLifetime
{
    private PortalApp app = default!;
    private PortalClient client = default!;
    private int platformId;

    public async Task InitializeAsync()
    {
        app = new PortalApp();
        client = app.CreatePortalClient();
        await client.SignInAsync("serenity@demo.test");
        (_, platformId) = await app.AdminAsync("serenity@demo.test");
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    private static async Task<HttpResponseMessage> StartAsync(PortalClient by, int platform, bool withToken = true)
    {
        var fields = new Dictionary<string, string>();
        if (withToken)
        {
            fields[PortalClient.TokenField] = await by.AntiforgeryTokenAsync();
        }

        return await by.PostFormAsync($"platforms/{platform}/export", fields);
    }

    private async Task<int> ExportsRecordedAsync()
    {
        await using var db = app.OpenDatabase();
        return await db.AuditEntries.CountAsync(a => a.Action == "data.exported");
    }

    [Fact]
    public async Task Export_StartedByAPost_RedirectsToADownloadThatWorksOnce()
    {
        using var started = await StartAsync(client, platformId);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var download = started.Headers.Location!.OriginalString;
        Assert.StartsWith("/exports/", download, StringComparison.Ordinal);

        using var first = await client.GetAsync(download.TrimStart('/'));
        var zipBytes = await first.Content.ReadAsByteArrayAsync();
        using var again = await client.GetAsync(download.TrimStart('/'));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(PlatformExport.ContentType, first.Content.Headers.ContentType!.MediaType);
        using (var zip = new ZipArchive(new MemoryStream(zipBytes)))
        {
            Assert.NotNull(zip.GetEntry("contacts.csv"));
        }

        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("already used or has expired", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await ExportsRecordedAsync());
    }

    [Fact]
    public async Task Export_ByAPlainGetAsACrossSiteLinkWouldSend_StartsNothing()
    {
        using var oldAddress = await client.GetAsync($"platforms/{platformId}/export");
        using var forged = await client.GetAsync("exports/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        Assert.True(oldAddress.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"GET answered {oldAddress.StatusCode}");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(0, await ExportsRecordedAsync());
    }

    [Fact]
    public async Task Export_PostedWithoutTheAntiforgeryToken_IsRefusedAndStartsNothing()
    {
        using var response = await StartAsync(client, platformId, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal(0, await ExportsRecordedAsync());
    }

    [Fact]
    public async Task Export_RefusalsToAReaderWhoChoseFrench_AreWrittenInFrench()
    {
        client.Cookies.Add(PortalClient.BaseAddress, new Cookie(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture("fr-FR")), "/"));

        using var withoutToken = await StartAsync(client, platformId, withToken: false);
        using var unknownTicket = await client.GetAsync("exports/not-a-ticket");

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal("Ce formulaire a expiré ou ne vient pas du portail. Rechargez la page et réessayez. Rien n'a été exporté.",
            await withoutToken.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknownTicket.StatusCode);
        Assert.Equal("Ce lien de téléchargement a déjà servi ou a expiré. Relancez l'export depuis Paramètres › Export des données.",
            await unknownTicket.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Export_TicketUsedByAnotherUser_IsNotFoundAndStaysTheOwners()
    {
        using var started = await StartAsync(client, platformId);
        var download = started.Headers.Location!.OriginalString.TrimStart('/');
        using var other = app.CreatePortalClient();
        await other.SignInAsync("pro@demo.test");

        using var stolen = await other.GetAsync(download);
        using var owners = await client.GetAsync(download);

        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        Assert.Equal(HttpStatusCode.OK, owners.StatusCode);
    }

    [Fact]
    public async Task Export_TicketNotUsedInTime_HasExpired()
    {
        using var started = await StartAsync(client, platformId);
        app.Clock.Advance(ExportTickets.Lifetime + TimeSpan.FromSeconds(1));

        using var late = await client.GetAsync(started.Headers.Location!.OriginalString.TrimStart('/'));

        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
        Assert.Equal(0, await ExportsRecordedAsync());
    }
}

using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Support;
using SubscriptionPortal.Tests.Integration.Http;

namespace SubscriptionPortal.Tests.Integration.Support;

/// <summary>Starts and stops impersonations through the real endpoints, as the console's forms do.</summary>
public static class Impersonating
{
    public const string Reason = "Ticket 4711: the treasurer cannot find last month's invoice.";

    public static async Task<(string AdminId, int PlatformId)> AdminAsync(this PortalApp app, string email)
    {
        await using var db = app.OpenDatabase();
        var admin = await db.Users.SingleAsync(u => u.Email == email);
        var platformId = await db.Memberships.Where(m => m.UserId == admin.Id).Select(m => m.PlatformId).FirstOrDefaultAsync();
        return (admin.Id, platformId);
    }

    public static async Task<HttpResponseMessage> PostStartAsync(this PortalClient client, string adminId, int platformId, string? reason = Reason, string? token = null)
    {
        var fields = new Dictionary<string, string> { ["adminId"] = adminId, ["platformId"] = platformId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (reason is not null)
        {
            fields["reason"] = reason;
        }

        if (token is not null)
        {
            fields[PortalClient.TokenField] = token;
        }

        return await client.PostFormAsync(SupportEndpoints.StartPath.TrimStart('/'), fields);
    }

    /// <summary>Signs the support agent in and has them act as <paramref name="adminEmail"/>; returns the platform.</summary>
    public static async Task<int> ImpersonateAsync(this PortalClient client, PortalApp app, string adminEmail, string agentEmail = "support@demo.test")
    {
        await client.SignInAsync(agentEmail);
        var (adminId, platformId) = await app.AdminAsync(adminEmail);
        using var response = await client.PostStartAsync(adminId, platformId, token: await client.AntiforgeryTokenAsync());
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        return platformId;
    }

    /// <summary>Presses "Stop impersonating" on the banner: the token is the one the banner's own form carries.</summary>
    public static async Task<HttpResponseMessage> PressStopAsync(this PortalClient client) =>
        await client.PostFormAsync(SupportEndpoints.StopPath.TrimStart('/'),
            new Dictionary<string, string> { [PortalClient.TokenField] = await client.AntiforgeryTokenAsync("") });

    public static async Task<List<AuditEntry>> ImpersonationEntriesAsync(this PortalApp app)
    {
        await using var db = app.OpenDatabase();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Action.StartsWith("impersonation.")).OrderBy(a => a.Id).ToListAsync();
    }
}

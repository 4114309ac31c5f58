using System.Net;
using System.Text.RegularExpressions;
using SubscriptionPortal.Tests.E2E;

namespace SubscriptionPortal.Tests.Integration.Http;

/// <summary>An HTTP client that signs in through the real login form and keeps the real Identity cookie.</summary>
public static partial class SignedInClient
{
    public static HttpClient Anonymous(PortalServer server) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(server.BaseUrl) };

    public static async Task<HttpClient> SignInAsync(PortalServer server, string email, string password = PortalPageTest.DemoPassword)
    {
        var client = Anonymous(server);
        var form = await client.GetStringAsync("Account/Login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var response = await client.PostAsync("Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} failed: {(int)response.StatusCode}.");
        }

        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

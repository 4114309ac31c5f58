using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace SubscriptionPortal.Tests.Integration.Http;

/// <summary>
/// A browser without a screen: keeps cookies, does not follow redirects, and fills forms from the
/// hidden fields the server rendered (antiforgery token, Blazor's form name).
/// </summary>
public sealed partial class PortalClient : IDisposable
{
    public const string DemoPassword = "Demo-Portal-2026!";
    public const string IdentityCookieName = ".AspNetCore.Identity.Application";
    public const string TokenField = "__RequestVerificationToken";

    public static readonly Uri BaseAddress = new("http://localhost/");
    private readonly HttpClient http;

    public PortalClient(PortalApp app)
    {
        http = app.CreateDefaultClient(BaseAddress, new CookieContainerHandler(Cookies));
    }

    public CookieContainer Cookies { get; } = new();

    /// <summary>The sign-in cookie as the browser holds it; setting it replaces it (null removes it).</summary>
    public string? IdentityCookie
    {
        get => Cookies.GetCookies(BaseAddress)[IdentityCookieName]?.Value;
        set
        {
            if (Cookies.GetCookies(BaseAddress)[IdentityCookieName] is { } existing)
            {
                existing.Expired = true;
            }

            if (value is not null)
            {
                Cookies.Add(BaseAddress, new Cookie(IdentityCookieName, value, "/"));
            }
        }
    }

    public Task<HttpResponseMessage> GetAsync(string url) => http.GetAsync(url);

    public async Task<string> GetPageAsync(string url)
    {
        using var response = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        http.PostAsync(url, new FormUrlEncodedContent(fields));

    /// <summary>Signs in through the real sign-in form.</summary>
    public async Task SignInAsync(string email, string password = DemoPassword)
    {
        var fields = FormFields(await GetPageAsync("Account/Login"), "login");
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        using var response = await PostFormAsync("Account/Login", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("Account/Login", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.NotNull(IdentityCookie);
    }

    /// <summary>The antiforgery token a page renders for the signed-in user (any form's token is valid for every form).</summary>
    public async Task<string> AntiforgeryTokenAsync(string page = "Account/Manage")
    {
        var html = await GetPageAsync(page);
        var match = HiddenInput().Matches(html).FirstOrDefault(m => m.Groups["name"].Value == TokenField)
            ?? throw new InvalidOperationException($"{page} rendered no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups["value"].Value);
    }

    /// <summary>The hidden fields of the form whose Blazor form name is <paramref name="formName"/>.</summary>
    public static Dictionary<string, string> FormFields(string html, string formName)
    {
        foreach (Match form in Form().Matches(html))
        {
            var fields = HiddenInput().Matches(form.Value)
                .ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
            if (fields.GetValueOrDefault("_handler") == formName)
            {
                return fields;
            }
        }

        throw new InvalidOperationException($"No form named '{formName}' on the page.");
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("<form\\b.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Form();

    [GeneratedRegex("<input(?=[^>]*type=\"hidden\")(?=[^>]*name=\"(?<name>[^\"]*)\")(?=[^>]*value=\"(?<value>[^\"]*)\")[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Tests.Integration.MultiInstance;

/// <summary>A load balancer sends a signed-in user's next request to the other instance.</summary>
[Trait("Category", PostgresOnly.Category)]
public sealed partial class TwoInstanceSignInTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    private readonly PortalInstance a = instances.A;
    private readonly PortalInstance b = instances.B;

    [Fact]
    public async Task UserSignedInOnInstanceA_IsStillSignedInWhenTheNextRequestReachesInstanceB()
    {
        var cookie = await SignInAsync(a.CreateBareClient(), "serenity@demo.test", DemoSeeder.Password);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/settings/subscription");
        request.Headers.Add("Cookie", cookie);
        using var response = await b.CreateBareClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        // B rendered the plan of the platform whose admin signed in on A.
        Assert.Contains("Chorale du Marais", page, StringComparison.Ordinal);
        Assert.Contains("Change Subscription", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Password", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTheCookie_InstanceBSendsToTheSignInPage()
    {
        using var response = await b.CreateBareClient().GetAsync("/settings/subscription");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BothInstances_UseTheOneKeyRingStoredInTheDatabase()
    {
        await using var scope = a.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var stored = await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync();

        var keysOfA = a.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => $"key-{k.KeyId:D}");
        var keysOfB = b.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => $"key-{k.KeyId:D}");

        Assert.Single(stored);
        Assert.Equal(stored, keysOfA);
        Assert.Equal(stored, keysOfB);
    }

    /// <summary>Signs in through the real form: its GET gives the antiforgery cookie and token, its POST the auth cookie.</summary>
    private static async Task<string> SignInAsync(HttpClient client, string email, string password)
    {
        using var form = await client.GetAsync("/Account/Login");
        form.EnsureSuccessStatusCode();
        var html = await form.Content.ReadAsStringAsync();
        var fields = HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        Assert.Contains("__RequestVerificationToken", fields.Keys);
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;

        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login") { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", CookiesOf(form));
        using var signedIn = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = CookiesOf(signedIn);
        Assert.Contains(".AspNetCore.Identity.Application=", cookie, StringComparison.Ordinal);
        return cookie;
    }

    private static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"[^>]*>""")]
    private static partial Regex HiddenInput();
}

/// <summary>Two instances of the app on one fresh PostgreSQL database, started once for the class.</summary>
public sealed class TwoInstances : IAsyncLifetime
{
    private TestStore store = default!;

    internal PortalInstance A { get; private set; } = default!;

    internal PortalInstance B { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        PostgresOnly.Require();
        store = await TestStore.CreateAsync();
        A = new PortalInstance(store.SettingsFor("a"));
        // A starts first: it migrates, creates the key ring and seeds; B finds all three done.
        A.StartServer();
        B = new PortalInstance(store.SettingsFor("b"));
        B.StartServer();
    }

    public async Task DisposeAsync()
    {
        if (B is not null)
        {
            await B.DisposeAsync();
        }

        if (A is not null)
        {
            await A.DisposeAsync();
        }

        if (store is not null)
        {
            await store.DisposeAsync();
        }
    }
}

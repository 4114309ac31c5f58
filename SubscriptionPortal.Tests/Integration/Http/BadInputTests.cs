using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SubscriptionPortal.Tests.Integration.Support;

namespace SubscriptionPortal.Tests.Integration.Http;

/// <summary>Input a scanner or a careless hand sends: a clear answer, nothing changed, never a 500 (issue 12, point 4).</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private readonly LogCapture log = new();
    private PortalApp app = default!;
    private PortalClient client = default!;

    public Task InitializeAsync()
    {
        app = new PortalApp(services => services.AddSingleton<ILoggerProvider>(log));
        client = app.CreatePortalClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("2147483648")]
    [InlineData("1e10")]
    [InlineData("-250")]
    public async Task ChoicePage_WithATierThatIsNotANumberOfContacts_ShowsTheOfferWithAnAvailableTier(string tier)
    {
        await client.SignInAsync("serenity@demo.test");

        using var response = await client.GetAsync($"settings/subscription/choose/professional?tier={Uri.EscapeDataString(tier)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(log.ErrorsAndAbove);
    }

    [Theory]
    [InlineData("%3B")]
    [InlineData("not-base64!")]
    [InlineData("_w")]
    public async Task ResetPassword_WithACodeThatIsNotALinkCode_SaysTheLinkIsInvalid(string code)
    {
        using var response = await client.GetAsync($"Account/ResetPassword?code={code}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/Account/InvalidPasswordReset", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Empty(log.ErrorsAndAbove);
    }

    [Theory]
    [InlineData("Account/LoginWith2fa")]
    [InlineData("Account/LoginWithRecoveryCode")]
    public async Task TwoFactorPage_WithoutAPendingSignIn_SendsToSignIn(string page)
    {
        using var response = await client.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Empty(log.ErrorsAndAbove);
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("https://evil.example/x")]
    [InlineData("/\\evil.example/x")]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://localhost.evil.example/")]
    public async Task SignIn_WithAReturnUrlLeavingTheSite_SignsInAndGoesHome(string returnUrl)
    {
        var query = "?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        var fields = PortalClient.FormFields(await client.GetPageAsync("Account/Login" + query), "login");
        fields["Input.Email"] = "serenity@demo.test";
        fields["Input.Password"] = PortalClient.DemoPassword;

        using var response = await client.PostFormAsync("Account/Login" + query, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = new Uri(new Uri("http://localhost/"), response.Headers.Location!);
        Assert.Equal(("localhost", "/"), (target.Host, target.AbsolutePath));
        Assert.NotNull(client.IdentityCookie);
        Assert.Empty(log.ErrorsAndAbove);
    }

    [Fact]
    public async Task SignIn_WithAReturnUrlOfThisSite_GoesThere()
    {
        const string query = "?ReturnUrl=%2Fsettings%2Finvoices";
        var fields = PortalClient.FormFields(await client.GetPageAsync("Account/Login" + query), "login");
        fields["Input.Email"] = "serenity@demo.test";
        fields["Input.Password"] = PortalClient.DemoPassword;

        using var response = await client.PostFormAsync("Account/Login" + query, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/settings/invoices", new Uri(new Uri("http://localhost/"), response.Headers.Location!).AbsolutePath);
    }

    [Theory]
    [InlineData("Account/PasskeyCreationOptions")]
    [InlineData("Account/PasskeyRequestOptions")]
    public async Task PasskeyOptions_WithoutAnAntiforgeryToken_AreABadRequest(string endpoint)
    {
        await client.SignInAsync("serenity@demo.test");

        using var response = await client.PostFormAsync(endpoint, []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(log.ErrorsAndAbove);
    }

    [Fact]
    public async Task Export_WithAMalformedProgressId_IsABadRequestLoggedAsSuch()
    {
        await client.SignInAsync("serenity@demo.test");
        var (_, platformId) = await app.AdminAsync("serenity@demo.test");

        using var response = await client.PostFormAsync($"platforms/{platformId}/export", new Dictionary<string, string>
        {
            [PortalClient.TokenField] = await client.AntiforgeryTokenAsync(),
            ["progress"] = "not-a-guid",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(log.ErrorsAndAbove);
    }

    [Fact]
    public async Task SignOut_WithAReturnUrlLeavingTheSite_GoesHome()
    {
        await client.SignInAsync("serenity@demo.test");

        using var response = await client.PostFormAsync("Account/Logout", new Dictionary<string, string>
        {
            [PortalClient.TokenField] = await client.AntiforgeryTokenAsync(),
            ["returnUrl"] = "//evil.example/",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Empty(log.ErrorsAndAbove);
    }

    [Fact]
    public async Task EndpointForm_MissingAField_IsABadRequestLoggedAsSuch()
    {
        await client.SignInAsync("serenity@demo.test");

        using var response = await client.PostFormAsync("Account/Logout", new Dictionary<string, string>
        {
            [PortalClient.TokenField] = await client.AntiforgeryTokenAsync(),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(log.ErrorsAndAbove);
    }
}

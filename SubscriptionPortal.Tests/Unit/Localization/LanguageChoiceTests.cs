using Microsoft.AspNetCore.Http;
using SubscriptionPortal.Localization;

namespace SubscriptionPortal.Tests.Unit.Localization;

public sealed class LanguageChoiceTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/settings/subscription/choose/professional?tier=250&commitment=monthly")]
    public void ReturnUrl_OnThisSite_IsFollowed(string url)
    {
        Assert.True(LanguageEndpoints.IsLocal(url));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("settings")]
    [InlineData("/settings\r\nLocation: https://evil.example/")]
    public void ReturnUrl_ElsewhereOrMalformed_IsRefused(string? url)
    {
        Assert.False(LanguageEndpoints.IsLocal(url));
    }

    [Theory]
    [InlineData("fr-FR", "fr-FR")]
    [InlineData("FR-fr", "fr-FR")]
    [InlineData(" en-GB ", "en-GB")]
    [InlineData("de-DE", null)]
    [InlineData("fr", null)]
    [InlineData(null, null)]
    public void Culture_OnlyTheSupportedOnes_AreAccepted(string? asked, string? expected)
    {
        Assert.Equal(expected, PortalCultures.Find(asked));
    }

    [Theory]
    [InlineData("fr-FR,fr;q=0.9,en;q=0.8", "fr-FR")]
    [InlineData("fr", "fr-FR")]
    [InlineData("fr-BE", "fr-FR")]
    [InlineData("de-DE,fr;q=0.7,en;q=0.5", "fr-FR")]
    [InlineData("en-US,en;q=0.9,fr;q=0.8", "en-GB")]
    [InlineData("de-DE,en;q=0.3,fr;q=0.7", "fr-FR")]
    [InlineData("fr;q=0,en", "en-GB")]
    [InlineData("de-DE,es", null)]
    [InlineData("", null)]
    public async Task AcceptLanguage_PicksTheFirstLanguageThePortalSpeaks_ByPreference(string header, string? expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptLanguage = header;

        var result = await new PreferredLanguageProvider().DetermineProviderCultureResult(context);

        Assert.Equal(expected, result?.Cultures.Single().Value);
    }
}

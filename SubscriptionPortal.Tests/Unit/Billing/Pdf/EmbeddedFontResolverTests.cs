using PdfSharp.Fonts;
using SubscriptionPortal.Billing.Pdf;
using Xunit;

namespace SubscriptionPortal.Tests.Unit.Billing.Pdf;

public sealed class EmbeddedFontResolverTests
{
    [Theory]
    [InlineData(false, "DejaVuSans")]
    [InlineData(true, "DejaVuSans-Bold")]
    public void ResolveTypeface_ServesTheEmbeddedRegularAndBoldFaces(bool bold, string face)
    {
        var resolver = EmbeddedFontResolver.Instance;

        var info = resolver.ResolveTypeface(EmbeddedFontResolver.FamilyName, bold, false);

        Assert.NotNull(info);
        Assert.Equal(face, info.FaceName);
        var font = resolver.GetFont(info.FaceName);
        Assert.NotNull(font);
        Assert.Equal(new byte[] { 0, 1, 0, 0 }, font[..4]);
    }

    [Fact]
    public void ResolveTypeface_AnswersAnyFamily_SinceThereIsNoOtherFont()
    {
        var info = EmbeddedFontResolver.Instance.ResolveTypeface("Arial", false, false);

        Assert.Equal("DejaVuSans", info?.FaceName);
    }

    [Fact]
    public void EnsureInitialized_CalledFromManyThreads_InstallsTheEmbeddedResolverOnce()
    {
        Parallel.For(0, 16, _ => PdfFontSetup.EnsureInitialized());
        PdfFontSetup.EnsureInitialized();

        Assert.Same(EmbeddedFontResolver.Instance, GlobalFontSettings.FontResolver);
    }
}

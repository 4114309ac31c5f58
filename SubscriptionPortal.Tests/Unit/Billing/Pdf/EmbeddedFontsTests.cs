using SubscriptionPortal.Billing.Pdf;

namespace SubscriptionPortal.Tests.Unit.Billing.Pdf;

public sealed class EmbeddedFontsTests
{
    [Fact]
    public void TheRegularAndTheBoldFace_AreTwoDifferentTrueTypeFiles()
    {
        var regular = EmbeddedFonts.FaceFile(bold: false);
        var bold = EmbeddedFonts.FaceFile(bold: true);

        Assert.Equal(new byte[] { 0, 1, 0, 0 }, regular[..4]);
        Assert.Equal(new byte[] { 0, 1, 0, 0 }, bold[..4]);
        Assert.NotEqual(regular, bold);
    }

    [Fact]
    public void EachFace_IsReadOncePerProcess()
    {
        Assert.Same(EmbeddedFonts.FaceFile(bold: false), EmbeddedFonts.FaceFile(bold: false));
        Assert.Same(EmbeddedFonts.FaceFile(bold: true), EmbeddedFonts.FaceFile(bold: true));
    }
}

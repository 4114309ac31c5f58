using SubscriptionPortal.Platforms.Export;

namespace SubscriptionPortal.Tests.Unit.Platforms;

public sealed class ExportFileNameTests
{
    private static readonly DateOnly Day = new(2026, 3, 20);

    [Fact]
    public void FileName_SpellsThePlatformInPlainLettersWithTheDay()
    {
        Assert.Equal("chorale-du-marais-data-export-2026-03-20.zip", PlatformExport.FileName("Chorale du Marais", Day));
    }

    [Fact]
    public void FileName_DropsAccentsAndPunctuation()
    {
        Assert.Equal("les-amis-du-velo-d-orleans-data-export-2026-03-20.zip", PlatformExport.FileName("Les Amis du Vélo d'Orléans !", Day));
    }

    [Fact]
    public void FileName_OfANameWithoutLatinLetters_StillNamesTheFile()
    {
        Assert.Equal("platform-data-export-2026-03-20.zip", PlatformExport.FileName("Хор", Day));
    }
}

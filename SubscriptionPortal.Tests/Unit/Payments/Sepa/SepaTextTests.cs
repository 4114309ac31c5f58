using SubscriptionPortal.Payments.Sepa;

namespace SubscriptionPortal.Tests.Unit.Payments.Sepa;

public sealed class SepaTextTests
{
    [Theory]
    [InlineData("Chorale du Marais", "Chorale du Marais")]
    [InlineData("Société Générale", "Societe Generale")]
    [InlineData("Œuvre de Noël", "OEuvre de Noel")]
    [InlineData("Cœur à cœur", "Coeur a coeur")]
    [InlineData("Straße Müller", "Strasse Muller")]
    [InlineData("Ærø Ørsted", "AEro Orsted")]
    [InlineData("Łódź", "Lodz")]
    [InlineData("Çà et là, l’été", "Ca et la, l'ete")]
    [InlineData("Amis & Vélos", "Amis + Velos")]
    [InlineData("Cotisation 20 €", "Cotisation 20 EUR")]
    [InlineData("Club «Les Ailes» — Lyon", "Club 'Les Ailes' - Lyon")]
    public void Clean_TransliteratesToTheSepaCharacterSet(string text, string expected)
    {
        Assert.Equal(expected, SepaText.Clean(text, 140));
    }

    [Fact]
    public void Clean_ReplacesOtherCharactersAndCollapsesSpaces()
    {
        Assert.Equal("Club 1 test mail example.org", SepaText.Clean("  Club #1 <test>\tmail@example.org  ", 140));
    }

    [Fact]
    public void Clean_TruncatesWithoutLeavingATrailingSpace()
    {
        Assert.Equal("Association des", SepaText.Clean("Association des amis", 16));
        Assert.Equal(70, SepaText.Clean(new string('é', 100), SepaText.NameMaxLength).Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Ελλάδα")]
    public void Clean_WithNothingRepresentable_ReturnsEmpty(string? text)
    {
        Assert.Equal("", SepaText.Clean(text, 70));
    }

    [Fact]
    public void Clean_OutputUsesOnlyAllowedCharacters()
    {
        var cleaned = SepaText.Clean("Ünïcödé ✓ 日本 — ½ ﬁn № 5 \"quoted\" [x] {y} a_b c;d!", 140);

        Assert.All(cleaned, c => Assert.True(SepaText.IsAllowed(c), $"'{c}' is outside the SEPA set"));
    }
}

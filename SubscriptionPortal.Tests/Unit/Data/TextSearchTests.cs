using SubscriptionPortal.Data;

namespace SubscriptionPortal.Tests.Unit.Data;

public sealed class TextSearchTests
{
    [Theory]
    [InlineData("Élodie", "elodie")]
    [InlineData("ÉLODIE", "elodie")]
    [InlineData("Jérôme Bézier-Ançay", "jerome bezier-ancay")]
    [InlineData("Noël Maël Anaïs", "noel mael anais")]
    [InlineData("Cœur d'Œuvre", "coeur d'oeuvre")]
    [InlineData("Lætitia Æther", "laetitia aether")]
    [InlineData("Straße", "strasse")]
    [InlineData("Ångström Łódź", "angstrom łodz")]
    [InlineData("Élodie\u00A0Dupont", "elodie dupont")]
    [InlineData("Cafe\u0301", "cafe")]
    [InlineData("ﬁdèle", "fidele")]
    [InlineData("100%_sure\\", "100%_sure\\")]
    public void Fold_LowersAndDropsAccents_AsAPersonReadsTheName(string text, string expected)
    {
        Assert.Equal(expected, TextSearch.Fold(text, 200));
    }

    [Fact]
    public void Fold_ComposedAndDecomposedAccents_GiveTheSameKey()
    {
        Assert.Equal(TextSearch.Fold("Zo\u00E9", 200), TextSearch.Fold("Zoe\u0301", 200));
    }

    [Fact]
    public void Fold_CutsTheKeyToItsColumn_EvenWhereALigatureIsWrittenOut()
    {
        Assert.Equal("abc", TextSearch.Fold("Abcdef", 3));
        Assert.Equal("abo", TextSearch.Fold("Abœuf", 3));
        Assert.Equal(200, TextSearch.Fold(new string('œ', 150), 200).Length);
    }

    [Fact]
    public void Fold_NeverCutsASurrogatePairInHalf()
    {
        Assert.Equal("ab", TextSearch.Fold("ab\U0001F600", 3));
        Assert.Equal("ab\U0001F600", TextSearch.Fold("ab\U0001F600", 4));
    }

    [Fact]
    public void Fold_HalfASurrogatePair_IsFoldedAsItIsInsteadOfFailing()
    {
        Assert.Equal("a\uD800b", TextSearch.Fold("A\uD800B", 200));
    }

    [Theory]
    [InlineData("Vélo", "%velo%")]
    [InlineData(" ÉMILE ", "%emile%")]
    [InlineData("100%_é\\", "%100\\%\\_e\\\\%")]
    public void KeyPattern_FoldsTheTerm_AndEscapesLikesWildcards(string term, string expected)
    {
        Assert.Equal(expected, TextSearch.KeyPattern(term));
    }
}

using SubscriptionPortal.Billing;

namespace SubscriptionPortal.Tests.Unit;

public sealed class FieldTextTests
{
    [Fact]
    public void Clean_TrimsComposesAndWritesLineBreaksAsNewLines()
    {
        Assert.Equal("Café\nLyon", FieldText.Clean("  Cafe\u0301\r\nLyon \t"));
    }

    [Fact]
    public void CleanLines_DropsEmptyLinesAndTrimsEachLine()
    {
        Assert.Equal("4 place des Vosges\nBâtiment B", FieldText.CleanLines(" 4 place des Vosges \n\n  Bâtiment B\r\n"));
    }

    [Fact]
    public void Clean_KeepsALoneSurrogate_ForProblemToRefuse()
    {
        var value = "a\uD800b";

        Assert.Equal(value, FieldText.Clean(value));
        Assert.Contains("U+D800", FieldText.Problem(value, "The city", 60));
    }

    [Theory]
    [InlineData("Marais\u0007", "U+0007")]
    [InlineData("\u202Eslanruoj", "U+202E")]
    [InlineData("Ma\u200Frais", "U+200F")]
    [InlineData("Ma\u200Brais", "U+200B")]
    [InlineData("Ma\uFEFFrais", "U+FEFF")]
    [InlineData("Ma\u2028rais", "U+2028")]
    [InlineData("Ma\uE000rais", "U+E000")]
    public void Problem_ControlAndInvisibleCharacters_AreRefusedByCode(string value, string code)
    {
        var problem = FieldText.Problem(value, "The city", 60);

        Assert.Equal($"The city cannot contain control or invisible characters ({code}): they are often copied along with text. Type the value again or remove them.", problem);
    }

    [Fact]
    public void Problem_RightToLeftLettersAndEmoji_AreAcceptedWhereNothingIsPrinted()
    {
        Assert.Null(FieldText.Problem("جوقة מקהלה 😀", "The reason", 500));
    }

    [Fact]
    public void Problem_OneCharacterOverTheLimit_SaysTheLimitAndTheLength()
    {
        Assert.Equal("The city can have at most 60 characters (61 given).", FieldText.Problem(new string('a', 61), "The city", 60));
        Assert.Null(FieldText.Problem(new string('a', 60), "The city", 60));
    }

    [Fact]
    public void Problem_LineBreakInAOneLineField_IsRefused()
    {
        Assert.Equal("The city must fit on one line.", FieldText.Problem("Lyon\nVilleurbanne", "The city", 60));
    }

    [Fact]
    public void Problem_Address_TakesThreeLinesOfAHundred()
    {
        var line = new string('a', FieldLimits.AddressLine);

        Assert.Null(FieldText.Problem($"{line}\n{line}\n{line}", "The address", FieldLimits.AddressLine, FieldLimits.AddressLines));
        Assert.Equal("The address can have at most 3 lines (4 given).", FieldText.Problem("a\nb\nc\nd", "The address", FieldLimits.AddressLine, FieldLimits.AddressLines));
        Assert.Equal("The address: each line can have at most 100 characters (line 2 has 101).",
            FieldText.Problem($"a\n{line}a", "The address", FieldLimits.AddressLine, FieldLimits.AddressLines));
    }

    [Fact]
    public void DocumentText_CharactersWithoutAGlyph_AreNamedInTheMessage()
    {
        Assert.Equal("The city: « 漢 » and « 😀 » cannot be printed on invoices. Use Latin, Greek or Cyrillic letters, digits and common punctuation.",
            DocumentText.Problem("Lyon 漢 😀", "The city", 60));
        Assert.Null(DocumentText.Problem("Saint-Étienne — Ωμέγα, Москва", "The city", 60));
    }

    [Fact]
    public void DocumentText_ManyUnprintableCharacters_NamesTheFirstFive()
    {
        Assert.Equal("The city: « 一 », « 二 », « 三 », « 四 » and « 五 » (and 2 more) cannot be printed on invoices. Use Latin, Greek or Cyrillic letters, digits and common punctuation.",
            DocumentText.Problem("一二三四五六七", "The city", 60));
    }

    [Fact]
    public void Problem_ReadInFrench_SaysTheLimitInFrenchAfterTheGivenLabel()
    {
        using var french = CultureScope.French();

        Assert.Equal("La recherche : 5 caractères au plus (6 saisis).", FieldText.Problem("abcdef", "La recherche", 5));
        Assert.Equal("La ville : une seule ligne.", FieldText.Problem("a\nb", "La ville", 5));
        Assert.StartsWith("L'adresse : les caractères de contrôle ou invisibles (U+202E)", FieldText.Problem("a\u202Eb", "L'adresse", 50), StringComparison.Ordinal);
    }

    [Fact]
    public void SearchProblem_ReadInFrench_NamesTheSearchInFrench()
    {
        using var french = CultureScope.French();

        Assert.Equal($"La recherche : {FieldLimits.SearchTerm} caractères au plus ({FieldLimits.SearchTerm + 1} saisis).",
            SubscriptionPortal.Support.SupportDirectory.QueryProblem(new string('a', FieldLimits.SearchTerm + 1)));
    }
}

using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Tests.Integration.Platforms;

/// <summary>The contact search finds and orders the same rows on SQLite and on PostgreSQL.</summary>
public sealed class ContactSearchTests(ContactSearchTests.Directory directory) : IClassFixture<ContactSearchTests.Directory>
{
    [Theory]
    [InlineData("DUPONT", "Jeanne Dupont")]
    [InlineData("dupond", "Paul dupond")]
    [InlineData("paul.dupond@example", "Paul dupond")]
    [InlineData("jeanne DUP", "Jeanne Dupont")]
    public async Task Search_InAnyCaseOfAsciiLetters_FindsTheContact(string term, string expected)
    {
        Assert.Equal([expected], await NamesAsync(term));
    }

    [Theory]
    [InlineData("100%", "Ana 100%_sure")]
    [InlineData("0%_", "Ana 100%_sure")]
    [InlineData("ana_", "Ana 100%_sure")]
    [InlineData("h\\n", "Back Slash\\Name")]
    public async Task Search_WithLikeWildcards_TakesThemLiterally(string term, string expected)
    {
        Assert.Equal([expected], await NamesAsync(term));
    }

    [Theory]
    [InlineData("emile", "Émile Émond")]
    [InlineData("ÉMILE", "Émile Émond")]
    [InlineData("émond", "Émile Émond")]
    [InlineData("zoé zola", "Zoé Zola")]
    [InlineData("ZOE ZO", "Zoé Zola")]
    [InlineData("coeur", "Cœur Vaillant")]
    public async Task Search_WithOrWithoutAccents_InAnyCase_FindsTheContact(string term, string expected)
    {
        Assert.Equal([expected], await NamesAsync(term));
    }

    [Fact]
    public async Task Search_SortsLastNamesAsAPersonReadsThem_AccentsAndCaseAside()
    {
        // By the folded keys, byte by byte, on both databases: "Émond" among the e's, "dupond" before "Dupont".
        var all = await NamesAsync(null);

        Assert.Equal(["Bob 100 percent", "Ana 100%_sure", "Paul dupond", "Jeanne Dupont", "Émile Émond", "Back Slash\\Name", "Cœur Vaillant", "Zoé Zola"], all);
    }

    private async Task<List<string>> NamesAsync(string? term)
    {
        var page = await directory.Database.Get<ContactDirectory>().SearchAsync(directory.Admin, term, archived: false, 0, 100);
        return page.Items.Select(c => $"{c.FirstName} {c.LastName}").ToList();
    }

    /// <summary>One platform whose contacts' names differ in case, accents and LIKE's special characters.</summary>
    public sealed class Directory : IAsyncLifetime
    {
        public TestDatabase Database { get; private set; } = default!;

        public System.Security.Claims.ClaimsPrincipal Admin { get; private set; } = default!;

        public async Task InitializeAsync()
        {
            Database = await TestDatabase.CreateAsync();
            var (platformId, admin) = await Database.FreePlatformAsync("Chorale", contacts: 0);
            Admin = admin;
            await using var db = Database.CreateContext();
            var now = Database.Clock.GetUtcNow().UtcDateTime;
            db.Contacts.AddRange(
                new Contact(platformId, "Jeanne", "Dupont", "jeanne.dupont@example.org", now),
                new Contact(platformId, "Paul", "dupond", "PAUL.DUPOND@EXAMPLE.ORG", now),
                new Contact(platformId, "Zoé", "Zola", "zoe@example.org", now),
                new Contact(platformId, "Émile", "Émond", "emile@example.org", now),
                new Contact(platformId, "Ana", "100%_sure", "ana_b@example.org", now),
                new Contact(platformId, "Bob", "100 percent", "anaxb@example.org", now),
                new Contact(platformId, "Back", "Slash\\Name", "back@example.org", now),
                new Contact(platformId, "Cœur", "Vaillant", "vaillant@example.org", now));
            await db.SaveChangesAsync();
        }

        public async Task DisposeAsync() => await Database.DisposeAsync();
    }
}

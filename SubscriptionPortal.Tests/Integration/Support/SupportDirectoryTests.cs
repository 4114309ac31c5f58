using SubscriptionPortal.Support;

namespace SubscriptionPortal.Tests.Integration.Support;

/// <summary>The support console's search, on the demo data, the same on SQLite and on PostgreSQL.</summary>
public sealed class SupportDirectoryTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    private readonly TestDatabase database = demo.Database;

    [Theory]
    [InlineData("CHORALE", "Chorale du Marais")]
    [InlineData("Serenity@Demo.Test", "Chorale du Marais")]
    [InlineData("nautique de", "Club Nautique de Lyon")]
    public async Task Search_InAnotherCase_FindsThePlatform(string query, string expected)
    {
        var rows = await database.Get<SupportDirectory>().SearchAsync(query);

        Assert.Equal([expected], rows.Select(r => r.Name));
    }

    [Theory]
    [InlineData("velo")]
    [InlineData("VÉLO")]
    [InlineData("amis du vélo")]
    public async Task Search_WithOrWithoutAccents_FindsThePlatform(string query)
    {
        var rows = await database.Get<SupportDirectory>().SearchAsync(query);

        Assert.Equal(["Les Amis du Vélo"], rows.Select(r => r.Name));
    }

    [Fact]
    public async Task Search_ByALowerCaseDocumentNumber_FindsThePaidPlatforms()
    {
        var rows = await database.Get<SupportDirectory>().SearchAsync("f-20");

        Assert.Equal(["Chorale du Marais", "Club Nautique de Lyon"], rows.Select(r => r.Name));
    }

    [Fact]
    public async Task Search_ForAWildcard_MatchesOnlyThatCharacter()
    {
        Assert.Empty(await database.Get<SupportDirectory>().SearchAsync("%"));
        Assert.Empty(await database.Get<SupportDirectory>().SearchAsync("_"));
    }
}

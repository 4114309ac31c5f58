using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Tests.Integration.Data;

/// <summary>One process can hold the SQLite and the PostgreSQL models: a compiled query is compiled once for each.</summary>
public sealed class CompiledPerModelTests
{
    private static readonly CompiledPerModel<Func<ApplicationDbContext, int, Task<int>>> CountOfPlatform = new(() => EF.CompileAsyncQuery(
        (ApplicationDbContext db, int platformId) => db.Subscriptions.Count(s => s.PlatformId == platformId)));

    [Fact]
    public void For_TheSameModelTwice_CompilesOnce_AndTheOtherProvidersModelGetsItsOwn()
    {
        var compiled = 0;
        var query = new CompiledPerModel<object>(() => new object[] { compiled++ });
        using var sqlite = new ApplicationDbContext(new DbContextOptionsBuilder<ApplicationDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var sqliteAgain = new ApplicationDbContext(new DbContextOptionsBuilder<ApplicationDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql("Host=localhost;Database=unused").Options);

        var forSqlite = query.For(sqlite);

        Assert.Same(forSqlite, query.For(sqliteAgain));
        Assert.NotSame(forSqlite, query.For(postgres));
        Assert.Same(query.For(postgres), query.For(postgres));
        Assert.Equal(2, compiled);
    }

    [Fact]
    public async Task CompiledQuery_RunOnTwoDatabasesOfTheSameProvider_AnswersEachFromItsOwnRows()
    {
        await using var first = await TestDatabase.CreateAsync();
        await using var second = await TestDatabase.CreateAsync();
        var (platformId, _) = await first.PaidPlatformAsync("Chorale", new DateOnly(2026, 3, 10));

        await using var a = first.CreateContext();
        await using var b = second.CreateContext();

        Assert.Equal(1, await CountOfPlatform.For(a)(a, platformId));
        Assert.Equal(0, await CountOfPlatform.For(b)(b, platformId));
    }
}

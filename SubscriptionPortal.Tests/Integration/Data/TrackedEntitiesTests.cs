using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Data;
using SubscriptionPortal.Emails;
using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Tests.Integration.Data;

/// <summary>Lookups in what a context tracks, on the demo database: they answer as <c>DbSet.Local</c> does, without its scan for changes.</summary>
public sealed class TrackedEntitiesTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(seedDemo: true);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Tracked_FindsAPlatformTheContextHasRead_AndNothingForOneItHasNot()
    {
        await using var db = database.CreateContext();
        var ids = await db.Platforms.OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync();
        var read = await db.Platforms.SingleAsync(p => p.Id == ids[0]);

        Assert.Same(read, db.Tracked<Platform, int>(ids[0]));
        Assert.Null(db.Tracked<Platform, int>(ids[1]));
        Assert.Null(db.Tracked<Platform, int>(int.MaxValue));
    }

    [Fact]
    public async Task Tracked_LeavesOutAPlatformBeingDeleted()
    {
        await using var db = database.CreateContext();
        var platform = await db.Platforms.OrderBy(p => p.Id).FirstAsync();
        db.Platforms.Remove(platform);

        Assert.Null(db.Tracked<Platform, int>(platform.Id));
    }

    [Fact]
    public async Task Tracked_DoesNotLookForChanges_WhereDbSetLocalDoes()
    {
        await using var db = database.CreateContext();
        var platform = await db.Platforms.OrderBy(p => p.Id).FirstAsync();
        var scans = 0;
        db.ChangeTracker.DetectingAllChanges += (_, _) => scans++;

        Assert.Same(platform, db.Tracked<Platform, int>(platform.Id));
        Assert.Equal(0, scans);
        Assert.True(db.ChangeTracker.AutoDetectChangesEnabled);

        Assert.Contains(platform, db.Platforms.Local);
        Assert.Equal(1, scans);
    }

    [Fact]
    public async Task AnyTracked_FindsAnEmailAddedButNotSaved_ByItsOnceKey()
    {
        await using var db = database.CreateContext();
        var platformId = await db.Platforms.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        db.OutboxMessages.Add(new OutboxMessage(Guid.NewGuid(), platformId, EmailKind.ClosingSoon, "fr-FR", "tresorier@chorale.example", "Fin proche",
            "<p>Fin proche</p>", "Fin proche", null, null, database.Clock.GetUtcNow().UtcDateTime, "closing-soon:1:2026-12-31"));

        Assert.True(db.AnyTracked<OutboxMessage, string>(nameof(OutboxMessage.OnceKey), "closing-soon:1:2026-12-31"));
        Assert.False(db.AnyTracked<OutboxMessage, string>(nameof(OutboxMessage.OnceKey), "closing-soon:1:2027-01-31"));
    }
}

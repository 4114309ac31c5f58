using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Tests.Integration.Support;

/// <summary>
/// The audit log only grows, on either database: the app refuses to save a change to an entry, and the
/// database itself refuses the statements that bypass the app's change tracking (bulk updates, deletes, raw SQL).
/// </summary>
public sealed class AuditLogStorageTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private long entryId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var entry = new AuditEntry(database.Clock.GetUtcNow().UtcDateTime, null, "agent-1", "agent@test.example", AuditActions.SignedIn, "Signed in.");
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync();
        entryId = entry.Id;
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task SavingAChangedOrDeletedEntry_IsRefusedByTheApp()
    {
        await using var db = database.CreateContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Id == entryId);

        db.AuditEntries.Remove(entry);
        var deleting = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains("append-only", deleting.Message, StringComparison.Ordinal);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task ABulkUpdate_IsRefusedByTheDatabase()
    {
        await using var db = database.CreateContext();

        var updating = await Assert.ThrowsAnyAsync<Exception>(() =>
            db.AuditEntries.Where(a => a.Id == entryId).ExecuteUpdateAsync(set => set.SetProperty(a => a.Details, "Rewritten.")));

        Assert.Contains("append-only", updating.Message, StringComparison.Ordinal);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task ABulkDelete_IsRefusedByTheDatabase()
    {
        await using var db = database.CreateContext();

        var deleting = await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.ExecuteDeleteAsync());

        Assert.Contains("append-only", deleting.Message, StringComparison.Ordinal);
        await AssertUnchangedAsync();
    }

    private async Task AssertUnchangedAsync()
    {
        await using var db = database.CreateContext();
        var stored = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Id == entryId);
        Assert.Equal(("Signed in.", AuditActions.SignedIn), (stored.Details, stored.Action));
    }
}

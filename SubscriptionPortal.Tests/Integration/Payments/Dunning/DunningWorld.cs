using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Payments.Dunning;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Tests.Integration.Payments.Dunning;

/// <summary>Helpers for the dunning tests: the bank's refusal of what was just sent, the job, the days passing.</summary>
public static class DunningWorld
{
    /// <summary>Moves the clock to 09:00 UTC (10:00 or 11:00 in Paris) on <paramref name="day"/> and runs the dunning job.</summary>
    public static async Task<DunningRun> RunDunningOnAsync(this TestDatabase database, DateOnly day)
    {
        database.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        return await database.Get<DunningJob>().RunAsync();
    }

    public static async Task<List<DirectDebit>> DebitsOfAsync(this TestDatabase database, int platformId)
    {
        await using var db = database.CreateContext();
        return await db.DirectDebits.AsNoTracking().Where(d => d.PlatformId == platformId).OrderBy(d => d.Id).ToListAsync();
    }

    public static async Task<List<AuditEntry>> ActivityAsync(this TestDatabase database, int platformId, string action)
    {
        await using var db = database.CreateContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.PlatformId == platformId && a.Action == action).OrderBy(a => a.Id).ToListAsync();
    }

    public static async Task<OverdueState> LiveStateAsync(this TestDatabase database, int platformId)
    {
        await using var db = database.CreateContext();
        return (await database.Get<OverdueStatus>().AssessAsync(db, platformId)).State;
    }

    public static async Task<OverdueState> RecordedStateAsync(this TestDatabase database, int platformId)
    {
        await using var db = database.CreateContext();
        return await db.PlatformDunnings.Where(d => d.PlatformId == platformId).Select(d => (OverdueState?)d.State).SingleOrDefaultAsync() ?? OverdueState.Active;
    }

    public static async Task<OverdueRow> OverdueRowAsync(this TestDatabase database, int platformId) =>
        (await database.Get<OverdueDesk>().ListAsync(DirectDebitWorld.Agent))!.Single(r => r.PlatformId == platformId);

    public static ClaimsPrincipal Agent => DirectDebitWorld.Agent;
}

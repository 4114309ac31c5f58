using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Subscriptions;

namespace SubscriptionPortal.Tests.Integration.Data;

/// <summary>
/// Renewed plans written by <see cref="RenewedPlanCommand"/>, on the demo database of the provider under test: the row a
/// save writes, nothing written where the version moved on, and nothing written twice by the context's save.
/// </summary>
public sealed class RenewedPlanCommandTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private int subscriptionId;
    private int invoiceId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = database.CreateContext();
        subscriptionId = await db.Subscriptions.Where(s => s.Plan != null).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        invoiceId = await db.Documents.Where(d => d.Kind == DocumentKind.Invoice).OrderByDescending(d => d.Id).Select(d => d.Id).FirstAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Write_LeavesTheRowColumnForColumnAsASaveLeavesIt()
    {
        Dictionary<string, object?> saved;
        await using (var db = database.CreateContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var subscription = await db.Subscriptions.SingleAsync(s => s.Id == subscriptionId);
            Renew(subscription);
            await db.SaveChangesAsync();
            saved = await RowAsync(db);
            await tx.RollbackAsync();
        }

        Dictionary<string, object?> written;
        int versionBefore;
        await using (var db = database.CreateContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var subscription = await db.Subscriptions.SingleAsync(s => s.Id == subscriptionId);
            versionBefore = subscription.Version;
            RenewedPlanCommand.StopTracking(db, [subscription]);
            Renew(subscription);
            await using (var plans = RenewedPlanCommand.Create(db))
            {
                await plans.WriteAsync(subscription, versionBefore);
            }

            written = await RowAsync(db);
            await tx.CommitAsync();
        }

        Assert.Equal(saved.Keys.Order(), written.Keys.Order());
        foreach (var (column, value) in saved)
        {
            Assert.True(Equals(value, written[column]), $"{column}: saved {value} ({value?.GetType().Name}), written {written[column]} ({written[column]?.GetType().Name})");
        }

        await using var check = database.CreateContext();
        var read = await check.Subscriptions.SingleAsync(s => s.Id == subscriptionId);
        Assert.Equal(versionBefore + 1, read.Version);
        Assert.Equal(invoiceId, read.Plan!.OpeningInvoiceId);
    }

    [Fact]
    public async Task Write_WhenTheVersionMovedOnSinceItWasRead_WritesNothingAndSaysSo()
    {
        int versionRead;
        PaidPlan before;
        await using (var db = database.CreateContext())
        {
            var subscription = await db.Subscriptions.AsNoTracking().SingleAsync(s => s.Id == subscriptionId);
            (versionRead, before) = (subscription.Version, subscription.Plan!);
        }

        // Another writer renews first.
        await using (var other = database.CreateContext())
        {
            Renew(await other.Subscriptions.SingleAsync(s => s.Id == subscriptionId));
            await other.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var stale = await db.Subscriptions.AsNoTracking().SingleAsync(s => s.Id == subscriptionId);
            await using var plans = RenewedPlanCommand.Create(db);
            Renew(stale);

            var refused = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => plans.WriteAsync(stale, versionRead));

            Assert.Contains($"version {versionRead}", refused.Message);
            await tx.CommitAsync();
        }

        await using var check = database.CreateContext();
        var read = await check.Subscriptions.SingleAsync(s => s.Id == subscriptionId);
        Assert.Equal(versionRead + 1, read.Version);
        Assert.Equal(before.PeriodEnd, read.Plan!.PeriodStart);
    }

    [Fact]
    public async Task StopTracking_ThenRenew_LeavesTheContextsSaveNothingToWriteForThatSubscription()
    {
        var before = await ReadAsync();
        await using (var db = database.CreateContext())
        {
            var subscription = await db.Subscriptions.SingleAsync(s => s.Id == subscriptionId);
            RenewedPlanCommand.StopTracking(db, [subscription]);
            Renew(subscription);

            Assert.Equal(0, await db.SaveChangesAsync());
            Assert.Empty(db.ChangeTracker.Entries());
        }

        var after = await ReadAsync();
        Assert.Equal((before.Version, before.Plan!.PeriodStart, before.Plan.PeriodEnd, before.Plan.OpeningInvoiceId),
            (after.Version, after.Plan!.PeriodStart, after.Plan.PeriodEnd, after.Plan.OpeningInvoiceId));
    }

    [Fact]
    public async Task Create_OutsideATransaction_IsRefused()
    {
        await using var db = database.CreateContext();

        var refused = Assert.Throws<InvalidOperationException>(() => RenewedPlanCommand.Create(db));

        Assert.Contains("transaction", refused.Message);
    }

    private void Renew(Subscription subscription)
    {
        var end = subscription.Plan!.PeriodEnd;
        subscription.Renew(new BillingPeriod(end, end.AddMonths(1)), invoiceId);
    }

    private async Task<Subscription> ReadAsync()
    {
        await using var db = database.CreateContext();
        return await db.Subscriptions.AsNoTracking().SingleAsync(s => s.Id == subscriptionId);
    }

    /// <summary>The subscription's row as the transaction sees it, every column as the provider returns it.</summary>
    private async Task<Dictionary<string, object?>> RowAsync(ApplicationDbContext db)
    {
        await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = subscriptionId;
        command.Parameters.Add(parameter);
        command.CommandText = "SELECT * FROM \"Subscriptions\" WHERE \"Id\" = @id";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i));
    }
}

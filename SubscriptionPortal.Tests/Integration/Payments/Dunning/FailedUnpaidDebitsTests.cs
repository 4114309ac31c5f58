using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Payments.Dunning;

namespace SubscriptionPortal.Tests.Integration.Payments.Dunning;

/// <summary>
/// The compiled one-platform check every quote and validation asks, against the query the dunning job composes on
/// the same definition: they must give the same answer for each platform at each step.
/// </summary>
public sealed class FailedUnpaidDebitsTests
{
    private static readonly DateOnly Day0 = new(2026, 3, 20);
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheOnePlatformCheck_AgreesWithTheJobsQuery_BeforeTheFailure_AfterIt_AndOnceATransferSettlesIt()
    {
        await using var database = await TestDatabase.CreateAsync(Now);
        var (chorale, _) = await database.PaidPlatformAsync("Chorale", Day0);
        var (club, _) = await database.PaidPlatformAsync("Club", Day0);
        Assert.Equal((false, false), await AnswersAsync(database, chorale, club));

        var failed = await database.SubmitAndFailAsync(chorale, "AM04");
        Assert.Equal((true, false), await AnswersAsync(database, chorale, club));

        Assert.True((await database.Get<OverdueDesk>().RecordTransferAsync(DunningWorld.Agent, chorale, failed.InvoiceId, 48.00m, Day0, "VIR-7")).Succeeded);
        Assert.Equal((false, false), await AnswersAsync(database, chorale, club));
    }

    /// <summary>Each platform's answer from the compiled check, after checking that the job's query gives the same.</summary>
    private static async Task<(bool First, bool Second)> AnswersAsync(TestDatabase database, int first, int second)
    {
        await using var db = database.CreateContext();
        return (await AnswerAsync(first), await AnswerAsync(second));

        async Task<bool> AnswerAsync(int platformId)
        {
            var answer = await DunningLoader.HasFailedUnpaidDebitAsync(db, platformId, CancellationToken.None);
            Assert.Equal(await DunningLoader.FailedUnpaidDebits(db).AnyAsync(d => d.PlatformId == platformId), answer);
            return answer;
        }
    }
}

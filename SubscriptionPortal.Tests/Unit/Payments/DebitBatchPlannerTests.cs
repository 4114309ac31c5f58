using SubscriptionPortal.Payments;
using SubscriptionPortal.Payments.Sepa;

namespace SubscriptionPortal.Tests.Unit.Payments;

public sealed class DebitBatchPlannerTests
{
    private static readonly DateOnly Friday = new(2026, 3, 20);
    private static readonly DateOnly Monday = new(2026, 3, 23);

    [Fact]
    public void Plan_FirstDebitOfAMandate_IsFrst()
    {
        var plan = DebitBatchPlanner.Plan([new DueDebit(1, MandateId: 7, Monday)], new HashSet<int>(), Friday);

        Assert.Equal(SequenceType.First, Assert.Single(plan).SequenceType);
    }

    [Fact]
    public void Plan_DebitOfAMandateAlreadyDebited_IsRcur()
    {
        var plan = DebitBatchPlanner.Plan([new DueDebit(1, MandateId: 7, Monday)], new HashSet<int> { 7 }, Friday);

        Assert.Equal(SequenceType.Recurring, Assert.Single(plan).SequenceType);
    }

    [Fact]
    public void Plan_TwoDebitsOfANewMandateInOneFile_AreFrstThenRcur()
    {
        var plan = DebitBatchPlanner.Plan(
            [new DueDebit(5, MandateId: 7, Monday.AddDays(1)), new DueDebit(4, MandateId: 7, Monday)], new HashSet<int>(), Friday);

        Assert.Equal([(4, SequenceType.First), (5, SequenceType.Recurring)], plan.Select(p => (p.DebitId, p.SequenceType)));
    }

    [Fact]
    public void Plan_DebitsOfDifferentMandates_EachStartWithFrst()
    {
        var plan = DebitBatchPlanner.Plan(
            [new DueDebit(1, 7, Monday), new DueDebit(2, 8, Monday), new DueDebit(3, 9, Monday)], new HashSet<int> { 8 }, Friday);

        Assert.Equal([SequenceType.First, SequenceType.Recurring, SequenceType.First], plan.Select(p => p.SequenceType));
    }

    [Fact]
    public void Plan_GivesEachDebitItsSubmissionCollectionDate()
    {
        var plan = DebitBatchPlanner.Plan([new DueDebit(1, 7, new DateOnly(2026, 3, 18)), new DueDebit(2, 7, new DateOnly(2026, 3, 25))], new HashSet<int>(), Friday);

        Assert.Equal([Monday, new DateOnly(2026, 3, 25)], plan.Select(p => p.CollectionDate));
    }

    [Fact]
    public void MessageId_IsShortUniqueAndInTheSepaCharacterSet()
    {
        var id = DebitBatchPlanner.MessageId(Friday, 42);

        Assert.Equal("SPDD-20260320-000042", id);
        Assert.Null(SepaText.IdentifierProblem(id));
    }
}

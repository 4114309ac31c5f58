using SubscriptionPortal.Payments.Sepa;

namespace SubscriptionPortal.Tests.Unit.Payments.Sepa;

public sealed class SequenceTypeRuleTests
{
    [Fact]
    public void ForNextDebit_OfAMandateNeverDebited_IsFirst()
    {
        Assert.Equal(SequenceType.First, SequenceTypeRule.ForNextDebit(mandateHasSubmittedOrCollectedDebit: false));
    }

    [Fact]
    public void ForNextDebit_OfAMandateWithASubmittedOrCollectedDebit_IsRecurring()
    {
        Assert.Equal(SequenceType.Recurring, SequenceTypeRule.ForNextDebit(mandateHasSubmittedOrCollectedDebit: true));
    }
}

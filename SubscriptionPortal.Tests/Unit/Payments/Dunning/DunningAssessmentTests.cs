using SubscriptionPortal.Payments;
using SubscriptionPortal.Payments.Dunning;

namespace SubscriptionPortal.Tests.Unit.Payments.Dunning;

public sealed class DunningAssessmentTests
{
    private const int Mandate = 7;
    private const int NewMandate = 8;
    private static readonly DunningOptions Defaults = new();
    private static readonly DateOnly Day0 = new(2026, 3, 20);

    [Theory]
    [InlineData(0, false)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(9, true)]
    public void TemporaryFailure_IsDueForItsFirstRetryFromDay5(int day, bool due)
    {
        var invoice = Assess([Failed(1, Mandate, "AM04", Day0)], day).Invoices.Single();

        Assert.Equal((DunningStep.RetryScheduled, 0, due), (invoice.Step, invoice.RetriesDone, invoice.IsDueNow));
        Assert.Equal(day >= 5 ? Day0.AddDays(day) : Day0.AddDays(5), invoice.NextAttemptOn);
    }

    [Theory]
    [InlineData(11, false)]
    [InlineData(12, true)]
    public void AfterOneRetryFailed_TheSecondIsDueFromDay12(int day, bool due)
    {
        var invoice = Assess([Failed(1, Mandate, "AM04", Day0), Failed(2, Mandate, "AM04", Day0.AddDays(6), retryOf: 1)], day).Invoices.Single();

        Assert.Equal((DunningStep.RetryScheduled, 1, due), (invoice.Step, invoice.RetriesDone, invoice.IsDueNow));
    }

    [Fact]
    public void AfterTwoRetriesFailed_NoMoreIsMade()
    {
        var invoice = Assess([
            Failed(1, Mandate, "AM04", Day0),
            Failed(2, Mandate, "AM04", Day0.AddDays(6), retryOf: 1),
            Failed(3, Mandate, "MS03", Day0.AddDays(13), retryOf: 2)], 20).Invoices.Single();

        Assert.Equal((DunningStep.RetriesExhausted, 2, false, (DateOnly?)null), (invoice.Step, invoice.RetriesDone, invoice.IsDueNow, invoice.NextAttemptOn));
    }

    [Fact]
    public void FinalReason_OnTheSameMandate_WaitsForANewOne()
    {
        var invoice = Assess([Failed(1, Mandate, "AC04", Day0)], 20).Invoices.Single();

        Assert.Equal((DunningStep.WaitingForNewMandate, false, (DateOnly?)null), (invoice.Step, invoice.IsDueNow, invoice.NextAttemptOn));
    }

    [Fact]
    public void FinalReason_WithANewMandate_IsPresentedUnderItNow()
    {
        var invoice = Assess([Failed(1, Mandate, "AC04", Day0)], 20, activeMandate: NewMandate).Invoices.Single();

        Assert.Equal((DunningStep.PresentUnderNewMandate, true, (DateOnly?)Day0.AddDays(20)), (invoice.Step, invoice.IsDueNow, invoice.NextAttemptOn));
    }

    [Fact]
    public void NewMandatesPresentation_IsNotCountedAsARetry()
    {
        var invoice = Assess([Failed(1, Mandate, "AC04", Day0), Failed(2, NewMandate, "AM04", Day0.AddDays(21), retryOf: 1)], 22, activeMandate: NewMandate)
            .Invoices.Single();

        Assert.Equal((DunningStep.RetryScheduled, 0, true), (invoice.Step, invoice.RetriesDone, invoice.IsDueNow));
    }

    [Fact]
    public void TemporaryFailure_WithoutAnActiveMandate_WaitsForOne()
    {
        var invoice = Assess([Failed(1, Mandate, "AM04", Day0)], 8, activeMandate: null).Invoices.Single();

        Assert.Equal((DunningStep.WaitingForNewMandate, false), (invoice.Step, invoice.IsDueNow));
    }

    [Fact]
    public void APresentationInProgress_IsTheNextAttempt()
    {
        var retry = new DebitFact(2, Mandate, 4800, DirectDebitStatus.Scheduled, Day0.AddDays(8), null, null, 1);

        var invoice = Assess([Failed(1, Mandate, "AM04", Day0), retry], 5).Invoices.Single();

        Assert.Equal((DunningStep.AttemptInProgress, false, (DateOnly?)Day0.AddDays(8), "AM04"), (invoice.Step, invoice.IsDueNow, invoice.NextAttemptOn, invoice.LastReasonCode));
    }

    [Fact]
    public void Paused_NothingIsDue_AndTheNextAttemptComesAfterThePause()
    {
        var facts = Facts([Failed(1, Mandate, "AM04", Day0)], 10) with { PausedFrom = Day0.AddDays(2), PausedUntil = Day0.AddDays(20) };

        var assessment = DunningAssessment.Assess(facts, Defaults);

        var invoice = assessment.Invoices.Single();
        Assert.Equal((true, 2, false, (DateOnly?)Day0.AddDays(23)), (assessment.IsPaused, invoice.Days, invoice.IsDueNow, invoice.NextAttemptOn));
        Assert.Equal(Day0.AddDays(20), assessment.PausedUntil);
    }

    [Fact]
    public void State_ComesFromTheOldestUnpaidInvoice()
    {
        var older = new InvoiceFact(10, "F-2026-000010", Day0, [Failed(1, Mandate, "AM04", Day0)]);
        var newer = new InvoiceFact(11, "F-2026-000011", Day0.AddDays(10), [Failed(2, Mandate, "AM04", Day0.AddDays(12))]);
        var facts = new DunningFacts(1, Day0.AddDays(16), [newer, older], Mandate, 0, null, null, null);

        var assessment = DunningAssessment.Assess(facts, Defaults);

        Assert.Equal((OverdueState.Restricted, 10, 9600L), (assessment.State, assessment.Oldest!.InvoiceId, assessment.UnpaidCents));
    }

    [Fact]
    public void NothingUnpaid_IsActive()
    {
        var assessment = DunningAssessment.Assess(new DunningFacts(1, Day0, [], Mandate, 0, null, Day0.AddDays(3), "x"), Defaults);

        Assert.Equal((OverdueState.Active, false, (DateOnly?)null), (assessment.State, assessment.IsPaused, assessment.NextAttemptOn));
        Assert.Null(assessment.Oldest);
        Assert.Equal(0, assessment.UnpaidCents);
    }

    [Fact]
    public void AnInvoiceWhoseDebitsNeverFailed_IsNotInDunning()
    {
        var pending = new InvoiceFact(11, "F-2026-000011", Day0, [new DebitFact(5, Mandate, 1200, DirectDebitStatus.Scheduled, Day0.AddDays(3), null, null, null)]);
        var failing = new InvoiceFact(10, "F-2026-000010", Day0, [Failed(1, Mandate, "AM04", Day0)]);

        var assessment = DunningAssessment.Assess(new DunningFacts(1, Day0.AddDays(2), [pending, failing], Mandate, 0, null, null, null), Defaults);

        Assert.Equal([10], assessment.Invoices.Select(i => i.InvoiceId));
        Assert.Equal(4800L, assessment.UnpaidCents);
    }

    [Fact]
    public void InvoicesThatFailedTheSameDay_AreInTheOrderOfTheirIds()
    {
        var second = new InvoiceFact(12, "F-2026-000012", Day0, [Failed(2, Mandate, "AM04", Day0)]);
        var first = new InvoiceFact(11, "F-2026-000011", Day0, [Failed(1, Mandate, "AM04", Day0)]);

        var assessment = DunningAssessment.Assess(new DunningFacts(1, Day0.AddDays(1), [second, first], Mandate, 0, null, null, null), Defaults);

        Assert.Equal([11, 12], assessment.Invoices.Select(i => i.InvoiceId));
        Assert.Equal(11, assessment.Oldest!.InvoiceId);
    }

    [Fact]
    public void DayZero_IsTheFirstFailure_AndTheUnpaidAmountThatOfTheLatestDebit()
    {
        var invoice = Assess([
            new DebitFact(1, Mandate, 4800, DirectDebitStatus.Failed, Day0, "AM04", Day0.AddDays(2), null),
            new DebitFact(2, Mandate, 3600, DirectDebitStatus.Failed, Day0.AddDays(6), "AM04", Day0.AddDays(7), 1)], 9).Invoices.Single();

        Assert.Equal((Day0.AddDays(2), 7, 3600L, 2), (invoice.DayZero, invoice.Days, invoice.UnpaidCents, invoice.LatestDebit.Id));
    }

    [Fact]
    public void ARetryOfAnUnknownDebit_IsNotCountedAsARetry()
    {
        var invoice = Assess([Failed(2, Mandate, "AM04", Day0, retryOf: 99)], 6).Invoices.Single();

        Assert.Equal((DunningStep.RetryScheduled, 0, true), (invoice.Step, invoice.RetriesDone, invoice.IsDueNow));
    }

    [Fact]
    public void AFailureWithoutReasonCode_WaitsForANewMandate_AndReadsAsARefusalWithoutReason()
    {
        var invoice = Assess([new DebitFact(1, Mandate, 4800, DirectDebitStatus.Failed, Day0, null, Day0, null)], 6).Invoices.Single();

        Assert.Equal((DunningStep.WaitingForNewMandate, "MS03", "MS03"), (invoice.Step, invoice.LastReasonCode, invoice.Reason!.Code));
    }

    [Fact]
    public void TheLastReason_IsThatOfTheLatestFailedDebit()
    {
        var retry = new DebitFact(2, Mandate, 4800, DirectDebitStatus.Submitted, Day0.AddDays(5), null, null, 1);

        var invoice = Assess([Failed(1, Mandate, "AM04", Day0), Failed(3, Mandate, "MS02", Day0.AddDays(1), retryOf: 1), retry], 6).Invoices.Single();

        Assert.Equal(("MS02", DunningStep.AttemptInProgress), (invoice.LastReasonCode, invoice.Step));
    }

    [Fact]
    public void FinalReason_WithANewMandateDuringAPause_IsPresentedOnTheDayThePauseEnds()
    {
        var facts = Facts([Failed(1, Mandate, "AC04", Day0)], 10, activeMandate: NewMandate) with
        {
            PausedFrom = Day0.AddDays(8),
            PausedUntil = Day0.AddDays(15),
            PauseReason = "Bank transfer announced",
        };

        var assessment = DunningAssessment.Assess(facts, Defaults);

        var invoice = assessment.Invoices.Single();
        Assert.Equal((DunningStep.PresentUnderNewMandate, false, (DateOnly?)Day0.AddDays(15)), (invoice.Step, invoice.IsDueNow, invoice.NextAttemptOn));
        Assert.Equal((true, "Bank transfer announced"), (assessment.IsPaused, assessment.PauseReason));
    }

    [Fact]
    public void APauseThatIsOver_IsNeitherReportedNorHoldsTheSchedule()
    {
        var facts = Facts([Failed(1, Mandate, "AM04", Day0)], 10) with
        {
            PausedFrom = Day0.AddDays(2),
            PausedUntil = Day0.AddDays(5),
            PauseReason = "Bank transfer announced",
        };

        var assessment = DunningAssessment.Assess(facts, Defaults);

        Assert.Equal((false, (DateOnly?)null, (string?)null), (assessment.IsPaused, assessment.PausedUntil, assessment.PauseReason));
        Assert.True(assessment.Invoices.Single().IsDueNow);
    }

    [Fact]
    public void NextAttempt_OfThePlatform_IsTheEarliestOfItsInvoices()
    {
        var firstRetry = new InvoiceFact(10, "F-2026-000010", Day0, [Failed(1, Mandate, "AM04", Day0)]);
        var waiting = new InvoiceFact(11, "F-2026-000011", Day0, [Failed(2, Mandate, "AC04", Day0)]);
        var secondRetry = new InvoiceFact(12, "F-2026-000012", Day0.AddDays(1), [Failed(3, Mandate, "AM04", Day0.AddDays(1)), Failed(4, Mandate, "AM04", Day0.AddDays(2), retryOf: 3)]);

        var assessment = DunningAssessment.Assess(new DunningFacts(1, Day0.AddDays(2), [firstRetry, waiting, secondRetry], Mandate, 0, null, null, null), Defaults);

        Assert.Equal(Day0.AddDays(5), assessment.NextAttemptOn);
        Assert.Equal(Day0.AddDays(13), assessment.Invoices.Single(i => i.InvoiceId == 12).NextAttemptOn);
    }

    private static DebitFact Failed(int id, int mandate, string reason, DateOnly on, int? retryOf = null) =>
        new(id, mandate, 4800, DirectDebitStatus.Failed, on, reason, on, retryOf);

    private static DunningFacts Facts(IReadOnlyList<DebitFact> debits, int day, int? activeMandate = Mandate) =>
        new(1, Day0.AddDays(day), [new InvoiceFact(10, "F-2026-000010", Day0, debits)], activeMandate, 0, null, null, null);

    private static DunningAssessment Assess(IReadOnlyList<DebitFact> debits, int day, int? activeMandate = Mandate) =>
        DunningAssessment.Assess(Facts(debits, day, activeMandate), Defaults);
}

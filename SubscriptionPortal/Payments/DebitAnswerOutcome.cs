namespace SubscriptionPortal.Payments;

/// <summary>What recording one bank answer on a debit did.</summary>
internal abstract record DebitAnswerOutcome
{
    private DebitAnswerOutcome()
    {
    }

    /// <summary>The debit took the answer, and the audit entry was added.</summary>
    public sealed record Applied : DebitAnswerOutcome;

    /// <summary>The same answer was recorded before: nothing is done twice.</summary>
    public sealed record AlreadyRecorded(string Message) : DebitAnswerOutcome;

    /// <summary>The answer does not fit the debit (not sent yet, or another answer recorded): nothing changed.</summary>
    public sealed record Refused(CommandResult Result) : DebitAnswerOutcome;
}

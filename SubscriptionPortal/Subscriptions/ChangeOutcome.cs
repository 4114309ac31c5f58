namespace SubscriptionPortal.Subscriptions;

/// <summary>The answer to "validate this quote".</summary>
public abstract record ChangeOutcome
{
    private ChangeOutcome()
    {
    }

    /// <summary>The change is applied (now, or by an earlier validation of the same quote when <paramref name="Replayed"/>).</summary>
    public sealed record Applied(
        Guid QuoteId,
        int? InvoiceId,
        string? InvoiceNumber,
        int? CreditNoteId,
        string? CreditNoteNumber,
        int? DirectDebitId,
        bool Replayed) : ChangeOutcome;

    /// <summary>The quote went stale (a new day, expired, amounts moved): nothing was written; here is the new quote.</summary>
    public sealed record Requote(QuoteView NewQuote, string Message) : ChangeOutcome;

    /// <summary>Someone else changed the subscription since the quote: nothing was written.</summary>
    public sealed record Conflict(string Message) : ChangeOutcome;

    /// <summary>The change is not allowed (or no longer): nothing was written.</summary>
    public sealed record Refused(string Message) : ChangeOutcome;

    public sealed record NotFound : ChangeOutcome;
}

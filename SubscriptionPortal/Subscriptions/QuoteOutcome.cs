namespace SubscriptionPortal.Subscriptions;

/// <summary>The answer to "what would this change cost?": a stored quote, or why the change is not allowed.</summary>
public abstract record QuoteOutcome
{
    private QuoteOutcome()
    {
    }

    public sealed record Quoted(QuoteView Quote) : QuoteOutcome;

    public sealed record Refused(string Message) : QuoteOutcome;

    public sealed record NotFound : QuoteOutcome;
}

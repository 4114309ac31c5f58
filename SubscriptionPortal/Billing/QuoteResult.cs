using System.Diagnostics.CodeAnalysis;

namespace SubscriptionPortal.Billing;

/// <summary>A quote: either the calculation of an allowed change, or why it is refused. Refusals are values, not exceptions.</summary>
public sealed record QuoteResult
{
    private QuoteResult(QuoteCalculation? calculation, QuoteRefusal? refusal)
    {
        Calculation = calculation;
        Refusal = refusal;
    }

    /// <summary>Set when the change is allowed.</summary>
    public QuoteCalculation? Calculation { get; }

    /// <summary>Set when the change is refused.</summary>
    public QuoteRefusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Calculation))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsAllowed => Calculation is not null;

    public static QuoteResult Allowed(QuoteCalculation calculation) =>
        new(calculation ?? throw new ArgumentNullException(nameof(calculation)), null);

    public static QuoteResult Refused(QuoteRefusalReason reason, string message) => new(null, new QuoteRefusal(reason, message));
}

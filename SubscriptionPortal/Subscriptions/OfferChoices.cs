namespace SubscriptionPortal.Subscriptions;

/// <summary>One tier's prices as the offers page shows them, in euros. A tier below the contacts in use is unavailable.</summary>
public sealed record TierChoice(
    int MaxContacts,
    decimal MonthlyExcludingVat,
    decimal MonthlyIncludingVat,
    decimal AnnualExcludingVat,
    decimal AnnualIncludingVat,
    string? UnavailableReason);

/// <summary>One offer's tab: features, prices and whether this platform can choose it.</summary>
public sealed record OfferChoice(
    string Code,
    string Name,
    string Summary,
    bool IsFree,
    bool IsCurrent,
    IReadOnlyList<string> Features,
    IReadOnlyList<TierChoice> Tiers,
    string? UnavailableReason);

/// <summary>The Offer Change page for the current platform.</summary>
public sealed record OfferChoices(SubscriptionPlanView Plan, IReadOnlyList<OfferChoice> Offers, decimal VatRate);

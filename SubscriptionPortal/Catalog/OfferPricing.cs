using System.Globalization;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Common;

namespace SubscriptionPortal.Catalog;

/// <summary>
/// One catalog offer as the calculators see it: prices by tier and the features it lists.
/// Built from the catalog rows, so prices stay data.
/// </summary>
/// <param name="Code">Stable key such as <c>serenity</c>.</param>
/// <param name="Name">Display name such as <c>Serenity</c>.</param>
/// <param name="IsFree">A free offer has no tiers, no commitment and no documents.</param>
/// <param name="Rank">Higher is more advanced; moving to a lower rank is a downgrade.</param>
/// <param name="Tiers">Paid tiers; empty for a free offer.</param>
/// <param name="Features">Feature lines; those of the current offer missing here are lost by a change.</param>
public sealed record OfferPricing(
    string Code,
    string Name,
    bool IsFree,
    int Rank,
    IReadOnlyList<TierPrice> Tiers,
    IReadOnlyList<string> Features)
{
    /// <summary>What an annual commitment costs relative to twelve months: "save 20 %".</summary>
    public const decimal AnnualPriceFactor = 0.80m;

    /// <summary>The tier for exactly <paramref name="maxContacts"/>, or null when the offer has none.</summary>
    public TierPrice? FindTier(int maxContacts) => Tiers.FirstOrDefault(t => t.MaxContacts == maxContacts);

    /// <summary>Line text of a subscription, e.g. "Professional — up to 1,000 contacts — annual".</summary>
    public string Describe(int maxContacts, Commitment commitment) =>
        $"{Name} — up to {maxContacts.ToString("N0", CultureInfo.InvariantCulture)} contacts — {CommitmentText(commitment)}";

    /// <summary>Annual price HT in euros: round(monthly × 12 × 0.80), half away from zero, to the cent.</summary>
    public static decimal AnnualExcludingVat(decimal monthlyExcludingVat) => Money.Round(monthlyExcludingVat * 12m * AnnualPriceFactor);

    /// <summary>Price HT in euros of one full period of <paramref name="tier"/> under <paramref name="commitment"/>.</summary>
    public static decimal PriceExcludingVat(TierPrice tier, Commitment commitment)
    {
        ArgumentNullException.ThrowIfNull(tier);
        return commitment switch
        {
            Commitment.Monthly => tier.MonthlyExcludingVat,
            Commitment.Annual => AnnualExcludingVat(tier.MonthlyExcludingVat),
            _ => throw new ArgumentOutOfRangeException(nameof(commitment), commitment, "Unknown commitment."),
        };
    }

    private static string CommitmentText(Commitment commitment) => commitment switch
    {
        Commitment.Monthly => "monthly",
        Commitment.Annual => "annual",
        _ => throw new ArgumentOutOfRangeException(nameof(commitment), commitment, "Unknown commitment."),
    };
}

using SubscriptionPortal.Catalog;

namespace SubscriptionPortal.Tests.Unit.Catalog;

/// <summary>
/// The catalog of SPEC §2, written out independently of the app's seed so a wrong seed price
/// cannot make the calculators' tests agree with it.
/// </summary>
internal static class TestCatalog
{
    public const decimal VatRate = 0.20m;

    /// <summary>
    /// The contact tiers of SPEC §2, in order. Declared before the offers that read it, since
    /// static fields initialise in the order they are written.
    /// </summary>
    public static readonly IReadOnlyList<int> TierSizes = [50, 250, 500, 1000, 2500, 5000];

    private static readonly string[] Essentials = ["Member directory", "Membership forms", "Event registration"];

    public static readonly OfferPricing Liberty = new(
        "liberty", "Liberty", IsFree: true, Rank: 0, [], [.. Essentials, "Tips asked of payers"]);

    public static readonly OfferPricing Payment = new(
        "payment", "Payment", IsFree: true, Rank: 0, [], [.. Essentials, "Card fee per transaction"]);

    public static readonly OfferPricing Serenity = new(
        "serenity", "Serenity", IsFree: false, Rank: 1,
        Tiers(20.00m, 40.00m, 60.00m, 90.00m, 150.00m, 250.00m),
        [.. Essentials, "Accounting ledger", "Email campaigns"]);

    public static readonly OfferPricing Professional = new(
        "professional", "Professional", IsFree: false, Rank: 2,
        Tiers(45.00m, 75.00m, 105.00m, 150.00m, 225.00m, 350.00m),
        [.. Essentials, "Accounting ledger", "Email campaigns", "Multi-site management", "Open API"]);

    public static readonly IReadOnlyList<OfferPricing> All = [Liberty, Payment, Serenity, Professional];

    public static OfferPricing ByCode(string code) =>
        All.SingleOrDefault(o => o.Code == code) ?? throw new ArgumentException($"No offer '{code}' in the test catalog.", nameof(code));

    private static TierPrice[] Tiers(params decimal[] monthlyExcludingVat) =>
        [.. TierSizes.Zip(monthlyExcludingVat, (size, price) => new TierPrice(size, price))];
}

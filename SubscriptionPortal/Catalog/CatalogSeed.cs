namespace SubscriptionPortal.Catalog;

/// <summary>
/// The catalog of SPEC §2 as seed rows. It lands in the database through the migrations, where
/// it can be edited without a code change; nothing in the code branches on an offer's code.
/// </summary>
internal static class CatalogSeed
{
    public const string Liberty = "liberty";
    public const string Payment = "payment";
    public const string Serenity = "serenity";
    public const string Professional = "professional";

    public static readonly Offer[] Offers =
    [
        new(Liberty, "Liberty", isFree: true, rank: 0, "100 % free: the essentials to run an association."),
        new(Payment, "Payment", isFree: true, rank: 0, "100 % free: card-payment fees are charged per transaction instead."),
        new(Serenity, "Serenity", isFree: false, rank: 1, "The complete toolbox, paid monthly or yearly by number of contacts."),
        new(Professional, "Professional", isFree: false, rank: 2, "More advanced features for large and multi-site associations."),
    ];

    private static readonly string[] Essentials =
    [
        "Member and contact directory",
        "Online membership and donation forms",
        "Event registration and ticketing",
    ];

    private static readonly string[] SerenityExtras =
    [
        "No commission on online payments",
        "Accounting ledger and bank exports",
        "Email campaigns to your members",
        "Support by phone and email",
    ];

    private static readonly string[] ProfessionalExtras =
    [
        "Multi-site and sections management",
        "Custom roles and permissions",
        "Automated bank reconciliation",
        "Open API and webhooks",
        "Priority support with a dedicated advisor",
    ];

    public static readonly OfferFeature[] Features = BuildFeatures();

    /// <summary>Monthly prices HT in cents, SPEC §2.</summary>
    public static readonly OfferTier[] Tiers =
    [
        new(1, Serenity, 50, 2000), new(2, Serenity, 250, 4000), new(3, Serenity, 500, 6000),
        new(4, Serenity, 1000, 9000), new(5, Serenity, 2500, 15000), new(6, Serenity, 5000, 25000),
        new(7, Professional, 50, 4500), new(8, Professional, 250, 7500), new(9, Professional, 500, 10500),
        new(10, Professional, 1000, 15000), new(11, Professional, 2500, 22500), new(12, Professional, 5000, 35000),
    ];

    public static readonly CatalogSettings Settings = new(vatRateBasisPoints: 2000, collectionDelayDays: 3);

    private static OfferFeature[] BuildFeatures()
    {
        var byOffer = new (string Code, string[] Texts)[]
        {
            (Liberty, [.. Essentials, "Card payments: payers are invited to tip the platform"]),
            (Payment, [.. Essentials, "Card payments with a fee per transaction, no tip asked of payers"]),
            (Serenity, [.. Essentials, .. SerenityExtras]),
            (Professional, [.. Essentials, .. SerenityExtras, .. ProfessionalExtras]),
        };
        var id = 0;
        return byOffer
            .SelectMany(o => o.Texts.Select((text, i) => new OfferFeature(++id, o.Code, i, text)))
            .ToArray();
    }
}

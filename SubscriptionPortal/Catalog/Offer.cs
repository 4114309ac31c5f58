namespace SubscriptionPortal.Catalog;

/// <summary>One offer of the catalog (SPEC §2). Catalog rows are data, seeded and editable without code.</summary>
public sealed class Offer
{
    private Offer()
    {
    }

    public Offer(string code, string name, bool isFree, int rank, string summary)
    {
        Code = code;
        Name = name;
        IsFree = isFree;
        Rank = rank;
        Summary = summary;
    }

    /// <summary>Stable key such as <c>serenity</c>.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public bool IsFree { get; private set; }

    /// <summary>Orders offers from the simplest (0) to the most advanced; a lower rank is a downgrade.</summary>
    public int Rank { get; private set; }

    public string Summary { get; private set; } = "";

    public List<OfferTier> Tiers { get; private set; } = [];

    public List<OfferFeature> Features { get; private set; } = [];
}

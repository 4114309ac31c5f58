namespace SubscriptionPortal.Catalog;

/// <summary>A price tier of a paid offer: up to <see cref="MaxContacts"/> active contacts.</summary>
public sealed class OfferTier
{
    private OfferTier()
    {
    }

    public OfferTier(int id, string offerCode, int maxContacts, long monthlyPriceCents)
    {
        Id = id;
        OfferCode = offerCode;
        MaxContacts = maxContacts;
        MonthlyPriceCents = monthlyPriceCents;
    }

    public int Id { get; private set; }

    public string OfferCode { get; private set; } = "";

    /// <summary>The maximum number of active contacts this tier allows.</summary>
    public int MaxContacts { get; private set; }

    /// <summary>Monthly price excluding VAT, in euro cents. The annual price is derived from it.</summary>
    public long MonthlyPriceCents { get; private set; }
}

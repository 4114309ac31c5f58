namespace SubscriptionPortal.Catalog;

/// <summary>A feature line shown on an offer's tab; what a downgrade loses is the difference of two lists.</summary>
public sealed class OfferFeature
{
    private OfferFeature()
    {
    }

    public OfferFeature(int id, string offerCode, int sortOrder, string text)
    {
        Id = id;
        OfferCode = offerCode;
        SortOrder = sortOrder;
        Text = text;
    }

    public int Id { get; private set; }

    public string OfferCode { get; private set; } = "";

    public int SortOrder { get; private set; }

    public string Text { get; private set; } = "";
}

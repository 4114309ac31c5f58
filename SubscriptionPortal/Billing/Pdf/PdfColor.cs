namespace SubscriptionPortal.Billing.Pdf;

/// <summary>An sRGB colour, as the documents' output intent declares every colour to be.</summary>
internal readonly record struct PdfColor(byte Red, byte Green, byte Blue)
{
    public static readonly PdfColor White = new(0xFF, 0xFF, 0xFF);
}

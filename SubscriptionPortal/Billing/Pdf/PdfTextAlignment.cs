namespace SubscriptionPortal.Billing.Pdf;

/// <summary>Where a line of text sits within the width it is given.</summary>
internal enum PdfTextAlignment
{
    Near,
    Center,
    Far,
}

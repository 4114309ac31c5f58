namespace SubscriptionPortal.Billing.Pdf;

/// <summary>How a line is stroked: its colour and its width in points.</summary>
internal sealed record PdfPen(PdfColor Color, double Width);

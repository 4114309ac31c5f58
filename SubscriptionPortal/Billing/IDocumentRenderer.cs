using SubscriptionPortal.Billing.Pdf;

namespace SubscriptionPortal.Billing;

/// <summary>Lays out a fully computed document as PDF bytes. It totals nothing itself.</summary>
public interface IDocumentRenderer
{
    byte[] Render(BillingDocumentModel model);
}
